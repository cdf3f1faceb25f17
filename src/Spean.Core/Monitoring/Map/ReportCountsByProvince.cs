using Spean.Core.Monitoring.Reports;
using Spean.Core.Accounts;

namespace Spean.Core.Monitoring.Map;

/// <summary>The map's filters: a report category and a date range, both optional.</summary>
internal sealed record MapFilter(string? Category, DateOnly? From, DateOnly? To);

/// <summary>The map's counts: the reports the reader may see, by province, within the filter.</summary>
internal sealed class ReportCountsByProvince(ReportSearch reports)
{
    public async Task<ProvinceCounts> CountAsync(MapFilter filter, Viewer viewer, CancellationToken cancellationToken = default) =>
        new(await reports.CountByProvinceAsync(new ReportFilter(Category: filter.Category, From: filter.From, To: filter.To), viewer, cancellationToken));
}
