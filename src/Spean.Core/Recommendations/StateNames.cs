using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Recommendations;

/// <summary>Finds the ISO code of a State as UPR sources spell it: "Viet Nam", "DPR Korea", "St Lucia".</summary>
public sealed class StateNames(IReadOnlyDictionary<string, string> iso3ByName)
{
    public string? Iso3(string name) => iso3ByName.GetValueOrDefault(name.Trim());

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
