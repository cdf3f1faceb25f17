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

    /// <summary>
    /// The same rule as <see cref="VisibleTo"/> in three parts that do not overlap, so that counts over the first two,
    /// the same for many readers, can be kept: what every signed-in reader sees, what everyone in the viewer's
    /// organisation sees, and the rest of what the viewer sees (their own drafts, Restricted reports and reports filed
    /// for an organisation they have left, and the Restricted reports that name them).
    /// </summary>
    public static IQueryable<Report> SeenByEveryMember(this IQueryable<Report> reports) =>
        reports.Where(r => r.Status != ReportStatus.Draft && (r.Confidentiality == Confidentiality.Public || r.Confidentiality == Confidentiality.Network));

    /// <inheritdoc cref="SeenByEveryMember"/>
    public static IQueryable<Report> SeenByOrganisation(this IQueryable<Report> reports, Guid organisationId) =>
        reports.Where(r => r.Status != ReportStatus.Draft && r.Confidentiality == Confidentiality.Organisation && r.OrganisationId == organisationId);

    /// <inheritdoc cref="SeenByEveryMember"/>
    /// <remarks>Statuses listed rather than "not a draft", so that SQLite finds a viewer's Restricted reports by an index instead of reading every report.</remarks>
    public static IQueryable<Report> SeenOnlyBy(this IQueryable<Report> reports, Guid userId, Guid? organisationId) =>
        reports.Where(r => (r.AuthorId == userId && (r.Status == ReportStatus.Draft || r.Confidentiality == Confidentiality.Restricted
                || (r.Confidentiality == Confidentiality.Organisation && r.OrganisationId != organisationId)))
            || (Sent.Contains(r.Status) && r.Confidentiality == Confidentiality.Restricted && r.ReaderIds.Contains(userId)));

    private static readonly ReportStatus[] Sent = Enum.GetValues<ReportStatus>().Where(s => s != ReportStatus.Draft).ToArray();

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
