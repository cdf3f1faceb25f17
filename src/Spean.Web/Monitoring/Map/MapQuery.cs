using System.Globalization;
using Spean.Core.Monitoring.Map;
using Spean.Core.Monitoring.Reports;

namespace Spean.Web.Monitoring.Map;

/// <summary>The map's filters as the query string carries them, shared by the page and the API.</summary>
internal static class MapQuery
{
    /// <summary>The filter, or a sentence saying what is wrong with it.</summary>
    public static (MapFilter? Filter, string? Error) Parse(string? category, string? from, string? to)
    {
        // An unknown code would draw a map of zeros that looks like a real answer.
        if (!string.IsNullOrWhiteSpace(category) && ReportCategories.Find(category.Trim()) is null)
            return (null, $"'{category}' is not a report category: use one of {string.Join(", ", ReportCategories.All.Select(c => c.Code))}.");
        if (!TryDate(from, out var fromDate)) return (null, $"'{from}' is not a date: write the start date as yyyy-MM-dd.");
        if (!TryDate(to, out var toDate)) return (null, $"'{to}' is not a date: write the end date as yyyy-MM-dd.");
        if (fromDate > toDate) return (null, "The start date is after the end date.");
        return (new MapFilter(string.IsNullOrWhiteSpace(category) ? null : category.Trim(), fromDate, toDate), null);
    }

    /// <summary>Where a province on the map leads: the list of its reports, within the map's filters.</summary>
    public static Func<string, string> ReportsLink(MapFilter filter) => code => "/reports" + Query(code, filter);

    /// <summary>The province's reports by date, within the map's filters.</summary>
    public static Func<string, string> TimelineLink(MapFilter filter) => code => "/reports/timeline" + Query(code, filter);

    private static string Query(string code, MapFilter filter) =>
        $"?place={code}"
        + (filter.Category is { } category ? "&category=" + Uri.EscapeDataString(category) : "")
        + (filter.From is { } from ? "&from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        + (filter.To is { } to ? "&to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }
}
