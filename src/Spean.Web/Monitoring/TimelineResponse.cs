using System.Globalization;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Taxonomies;
using Spean.Web.Taxonomies;

namespace Spean.Web.Monitoring;

public sealed record TimelineCountry(string Iso3, string Name, string NameKm);

/// <param name="AdminUnitCode">The place in Cambodia; null for a report located in another country.</param>
/// <param name="CountryIso3">The country when not Cambodia.</param>
public sealed record TimelineReport(
    Guid Id, string Title, string Category, DateOnly OccurredFrom, DateOnly? OccurredTo, string Status, string Confidentiality,
    string? AdminUnitCode, string? CountryIso3, string? PlaceKm, string? PlaceLatin);

/// <param name="Month">"2025-03".</param>
/// <param name="Reports">The month's reports on this page.</param>
public sealed record TimelineMonthResponse(string Month, int Total, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyList<TimelineReport> Reports);

/// <param name="Page">The page the year starts on.</param>
public sealed record TimelineYearResponse(int Year, int Total, IReadOnlyDictionary<string, int> ByCategory, int Page, IReadOnlyList<TimelineMonthResponse> Months);

/// <param name="Place">Null for every report, and for a country abroad.</param>
/// <param name="Country">The country abroad, when the place filter names one.</param>
/// <param name="Path">The place and the units above it, province first.</param>
/// <param name="Years">Every year and month with its counts; reports are listed for this page only.</param>
public sealed record TimelineResponse(
    AdminUnitResponse? Place, IReadOnlyList<AdminUnitResponse> Path, int Total, IReadOnlyDictionary<string, int> ByCategory,
    int Page, int PageSize, int PageCount, IReadOnlyList<TimelineYearResponse> Years, TimelineCountry? Country)
{
    public static TimelineResponse From(Timeline timeline) => new(
        timeline.Place is { } place ? Unit(place) : null,
        timeline.Path.Select(Unit).ToList(),
        timeline.Total,
        timeline.ByCategory,
        timeline.Page, ReportTimeline.PageSize, timeline.PageCount,
        timeline.Years.Select(y => new TimelineYearResponse(y.Year, y.Total, y.ByCategory, y.Page, y.Months.Select(m => new TimelineMonthResponse(
            string.Create(CultureInfo.InvariantCulture, $"{m.Year:0000}-{m.Month:00}"), m.Total, m.ByCategory,
            m.Reports.Select(r => Report(r, timeline.Places.GetValueOrDefault(r.PlaceCode))).ToList())).ToList())).ToList(),
        timeline.Country is { } country ? new TimelineCountry(country.Iso3, country.Name, country.NameKm) : null);

    private static TimelineReport Report(TimelineEntry r, ReportPlace? place) => new(
        r.Id, r.Title, r.Category, r.OccurredFrom, r.OccurredTo, r.Status.ToString(), r.Confidentiality.ToString(), r.AdminUnitCode, r.CountryIso3,
        place?.NameKm, place?.NameLatin);

    private static AdminUnitResponse Unit(AdminUnit u) => new(u.Code, u.Level.ToString(), u.NameKm, u.NameLatin, u.TypeKm, u.TypeEn, u.ParentCode);
}
