using Spean.Core.Monitoring.Reports;

namespace Spean.Web.Monitoring.Home;

/// <summary>The strings of Monitoring's sections on the home page (MonitoringHomeStrings.resx and .km.resx beside it).</summary>
internal sealed class MonitoringHomeStrings;

internal sealed record HomeReport(Guid Id, string Title, ReportStatus Status, DateTime ReportedAt);
