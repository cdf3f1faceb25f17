using System.Globalization;
using Spean.Core.Monitoring.Map;

namespace Spean.Web.Monitoring.Map;

/// <summary>The map's filters as the query string carries them, shared by the page and the API.</summary>
internal static class MapQuery
{
    /// <summary>The filter, or a sentence saying what is wrong with the dates.</summary>
    public static (MapFilter? Filter, string? Error) Parse(string? category, string? from, string? to)
    {
        if (!TryDate(from, out var fromDate)) return (null, $"'{from}' is not a date: write the start date as yyyy-MM-dd.");
        if (!TryDate(to, out var toDate)) return (null, $"'{to}' is not a date: write the end date as yyyy-MM-dd.");
        if (fromDate > toDate) return (null, "The start date is after the end date.");
        return (new MapFilter(string.IsNullOrWhiteSpace(category) ? null : category.Trim(), fromDate, toDate), null);
    }

    /// <summary>Where a province on the map leads.</summary>
    public static string ProvinceLink(string code) => $"/gazetteer/{code}";

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }
}
