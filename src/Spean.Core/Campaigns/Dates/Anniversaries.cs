using System.Globalization;
using CsvHelper;

namespace Spean.Core.Campaigns.Dates;

public sealed record Anniversary(int Month, int Day, string En, string Km, string Source);

/// <summary>The shipped anniversaries (data/campaigns/anniversaries.csv), each with the source of its date.</summary>
public sealed class Anniversaries
{
    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "campaigns", "anniversaries.csv");

    private readonly Lazy<IReadOnlyList<Anniversary>> all = new(() =>
    {
        using var reader = new StreamReader(ShippedFile);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var list = new List<Anniversary>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var date = csv.GetField("date")!.Split('-');
            list.Add(new Anniversary(int.Parse(date[0], CultureInfo.InvariantCulture), int.Parse(date[1], CultureInfo.InvariantCulture),
                csv.GetField("en")!, csv.GetField("km")!, csv.GetField("source")!));
        }
        return list;
    });

    public IReadOnlyList<Anniversary> All => all.Value;

    /// <summary>Each anniversary on each of its dates between first and last.</summary>
    public IEnumerable<(Anniversary Anniversary, DateOnly Date)> Between(DateOnly first, DateOnly last)
    {
        for (var year = first.Year; year <= last.Year; year++)
            foreach (var a in All)
            {
                var date = new DateOnly(year, a.Month, Math.Min(a.Day, DateTime.DaysInMonth(year, a.Month)));
                if (date >= first && date <= last) yield return (a, date);
            }
    }
}
