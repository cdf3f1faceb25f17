using Spean.Core.Accounts;

namespace Spean.Core.Monitoring.Reports;

/// <summary>
/// The one place that decides who sees which report and whose identities. Restricted reports are read by
/// their author and the readers the author named, and by nobody else: not by coordinators or administrators,
/// of the owning organisation or any other, since a Restricted report exists to keep a source from everyone
/// not chosen. The author names the coordinators who are to review it.
/// </summary>
public static class ReportAccess
{
    public static IQueryable<Report> VisibleTo(this IQueryable<Report> reports, Viewer viewer)
    {
        if (viewer.UserId is not { } userId)
            return reports.Where(r => r.Status == ReportStatus.Published && r.Confidentiality == Confidentiality.Public);
        var organisationId = viewer.OrganisationId;
        return reports.Where(r => r.AuthorId == userId || (r.Status != ReportStatus.Draft && (
            r.Confidentiality == Confidentiality.Public
            || r.Confidentiality == Confidentiality.Network
            || (r.Confidentiality == Confidentiality.Organisation && r.OrganisationId == organisationId)
            || (r.Confidentiality == Confidentiality.Restricted && r.ReaderIds.Contains(userId)))));
    }

    /// <summary>The same rule for a report already loaded.</summary>
    public static bool CanSee(Report report, Viewer viewer) => new[] { report }.AsQueryable().VisibleTo(viewer).Any();

    /// <summary>Whether the viewer may read the names and contacts of the people in a report, and the evidence originals.</summary>
    public static bool CanSeeIdentities(Report report, Viewer viewer) =>
        viewer.UserId is { } userId && CanSee(report, viewer) && (
            report.AuthorId == userId
            || (report.Confidentiality == Confidentiality.Restricted && report.ReaderIds.Contains(userId))
            || (viewer.Role <= Role.Coordinator && viewer.OrganisationId == report.OrganisationId));

    /// <summary>Coordinators and administrators of the owning organisation who can see the report move it through review.</summary>
    public static bool CanReview(Report report, Viewer viewer) =>
        viewer.Role <= Role.Coordinator && viewer.OrganisationId == report.OrganisationId && CanSee(report, viewer);

    /// <summary>The named readers of a Restricted report who could review it, by <see cref="CanReview"/>'s rule.</summary>
    public static IQueryable<SpeanUser> ReadersWhoCanReview(this IQueryable<SpeanUser> users, Report report)
    {
        var readers = report.ReaderIds;
        return users.Where(u => readers.Contains(u.Id) && u.OrganisationId == report.OrganisationId && u.Role <= Role.Coordinator);
    }
}
