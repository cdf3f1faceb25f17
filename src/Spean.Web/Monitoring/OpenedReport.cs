using Spean.Core.Monitoring.Reports;
using Spean.Web.Accounts;

namespace Spean.Web.Monitoring;

/// <summary>
/// The opening of every endpoint under /api/v1/reports/{id}: find the report the caller may see (404 for one they may
/// not, so a hidden report cannot be told from a missing one) and, for people and evidence, check that they may handle
/// identities (403). The handler takes the report with <see cref="Of"/>.
/// </summary>
internal sealed class OpenedReport(bool identities) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id)) return ReportsApi.NoSuchReport();
        var viewer = http.User.Viewer();
        if (await http.RequestServices.GetRequiredService<ReportSearch>().FindAsync(id, viewer, http.RequestAborted) is not { } report)
            return ReportsApi.NoSuchReport();
        if (identities && !ReportAccess.CanSeeIdentities(report, viewer)) return ReportsApi.CannotSeeIdentities();
        http.Items[typeof(OpenedReport)] = report;
        return await next(context);
    }

    /// <param name="id">The route's id, which the handler keeps as a parameter so the API document still describes it as a GUID.</param>
    public static Report Of(HttpContext context, Guid id) =>
        context.Items[typeof(OpenedReport)] is Report report && report.Id == id ? report : throw new InvalidOperationException("The endpoint does not open its report.");
}

internal static class OpenedReportExtensions
{
    /// <summary>Opens the report of the route's {id} before the handler runs; with identities, only for those who may handle its people and evidence.</summary>
    public static RouteHandlerBuilder OpensReport(this RouteHandlerBuilder builder, bool identities = false) =>
        builder.AddEndpointFilter(new OpenedReport(identities));
}
