using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Reports;

/// <param name="Code">A gazetteer code in Cambodia, or a country's alpha-3 code abroad: what the place filter takes.</param>
public sealed record ReportPlace(string Code, string NameKm, string NameLatin);

/// <summary>Where reports lie, as one code and one name for a place in Cambodia and a country abroad alike.</summary>
public static class ReportPlaces
{
    /// <summary>The place filter's code for where a report lies: its gazetteer unit, or its country when not in Cambodia.</summary>
    public static string PlaceCode(string? adminUnitCode, string? countryIso3) => countryIso3 ?? adminUnitCode ?? "";

    /// <summary>Gazetteer codes are digits; countries are three letters.</summary>
    public static bool IsCountryCode(string place) => place.Length == 3 && place.All(char.IsAsciiLetterUpper);

    public static string PlaceCode(this Report report) => PlaceCode(report.AdminUnitCode, report.CountryIso3);

    public static async Task<Dictionary<string, ReportPlace>> NamesAsync(SpeanDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var wanted = codes.Distinct().ToList();
        var units = wanted.Where(c => !IsCountryCode(c)).ToList();
        var countries = wanted.Where(IsCountryCode).ToList();
        var names = await db.AdminUnits.AsNoTracking().Where(u => units.Contains(u.Code))
            .Select(u => new ReportPlace(u.Code, u.NameKm, u.NameLatin)).ToListAsync(cancellationToken);
        if (countries.Count > 0)
            names.AddRange(await db.Countries.AsNoTracking().Where(c => countries.Contains(c.Iso3))
                .Select(c => new ReportPlace(c.Iso3, c.NameKm, c.Name)).ToListAsync(cancellationToken));
        return names.ToDictionary(n => n.Code);
    }
}
