using Spean.Core.Monitoring;
using Spean.Web.Accounts;
using Spean.Web.Components;
using Spean.Web.Components.Layout;
using Spean.Web.Monitoring.Home;
using Spean.Web.Monitoring.Map;

namespace Spean.Web.Monitoring;

internal static class MonitoringModule
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddMonitoringServices(builder.Configuration);
        builder.Services.AddScoped<ReportDetails>();
        builder.Services.AddHostedService<EvidenceLeftoverSweep>();
        builder.Services.AddMenuEntry(new(50, "/map", "Map.Nav"));
        builder.Services.AddMenuEntry(new(60, "/reports", "Report.Reports"));
        builder.Services.AddMenuEntry(new(70, "/capture", "Capture.Nav", Policies.Member));
        builder.Services.AddPageSection(new(PageSections.HomeAwaiting, 10, typeof(ReportsAwaitingReviewSection)));
        builder.Services.AddPageSection(new(PageSections.HomeActivity, 10, typeof(RecentReportsSection)));
        return builder;
    }

    public static WebApplication MapMonitoring(this WebApplication app)
    {
        app.MapMapApi();
        app.MapReportsApi();
        app.MapEvidenceApi();
        return app;
    }
}
