using System.Globalization;
using System.Net;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Recommendations;

/// <summary>Finds the ISO code of a State as UPR sources spell it: "Viet Nam", "DPR Korea", "St Lucia".</summary>
public sealed class StateNames(IReadOnlyDictionary<string, string> iso3ByName)
{
    public string? Iso3(string name) => iso3ByName.GetValueOrDefault(name.Trim());

    /// <summary>
    /// The States named in one cell, for joint recommendations: separated by ";", or by "," when every piece is a
    /// State Spean knows, so "Korea, Republic of" stays whole and an unknown name is never cut in pieces.
    /// </summary>
    public IReadOnlyList<string> Split(string cell)
    {
        var text = WebUtility.HtmlDecode(cell).Trim();
        if (text.Length == 0) return [];
        if (text.Contains(';'))
            return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (!text.Contains(',') || Iso3(text) is not null) return [text];

        var pieces = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = new List<string>();
        for (var start = 0; start < pieces.Length;)
        {
            var end = pieces.Length;
            while (end > start && Iso3(string.Join(", ", pieces[start..end])) is null) end--;
            if (end == start) return [text];
            names.Add(string.Join(", ", pieces[start..end]));
            start = end;
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static async Task<StateNames> LoadAsync(SpeanDbContext db, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Name, c.OfficialName }).ToListAsync(cancellationToken))
        {
            names.TryAdd(c.Name, c.Iso3);
            names.TryAdd(c.OfficialName, c.Iso3);
        }
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", "reference", "state_name_aliases.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        foreach (var alias in csv.GetRecords<Alias>()) names[alias.alias] = alias.iso3;
        return new StateNames(names);
    }

#pragma warning disable IDE1006 // named as the file's columns
    private sealed record Alias(string alias, string iso3);
#pragma warning restore IDE1006
}
