using System.Diagnostics.CodeAnalysis;

namespace Spean.Core.Monitoring.Map;

/// <summary>The map's filters: a report category and a date range, both optional.</summary>
internal sealed record MapFilter(string? Category, DateOnly? From, DateOnly? To);

/// <summary>
/// Where the map gets its counts. Reports are not part of this code yet, so no province has any;
/// once they are, this counts the reports the reader may see, by province, within the filter.
/// </summary>
internal sealed class ReportCountsByProvince
{
    [SuppressMessage("Performance", "CA1822", Justification = "The seam for reports, which will read the database.")]
    public Task<ProvinceCounts> CountAsync(MapFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult(ProvinceCounts.None);
}
