using Spean.Core.Accounts;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders;

/// <summary>
/// The one place that decides who sees which stakeholder, mirroring <see cref="ReportAccess"/>: visitors see Public records,
/// every signed-in user Network ones, the owning organisation's users Organisation ones, and a Restricted record (a source
/// at risk) only the user who made it and the readers they named — no coordinator or administrator besides. Everything
/// that shows a stakeholder, counts them, links to them or lists them as a neighbour or participant goes through here.
/// </summary>
public static class StakeholderAccess
{
    public static IQueryable<Stakeholder> VisibleTo(this IQueryable<Stakeholder> stakeholders, Viewer viewer)
    {
        if (viewer.UserId is not { } userId)
            return stakeholders.Where(s => s.Confidentiality == Confidentiality.Public);
        var organisationId = viewer.OrganisationId;
        return stakeholders.Where(s => s.CreatedById == userId
            || s.Confidentiality == Confidentiality.Public
            || s.Confidentiality == Confidentiality.Network
            || (s.Confidentiality == Confidentiality.Organisation && s.OrganisationId == organisationId)
            || (s.Confidentiality == Confidentiality.Restricted && s.ReaderIds.Contains(userId)));
    }

    /// <summary>The same rule for a record already loaded.</summary>
    public static bool CanSee(Stakeholder stakeholder, Viewer viewer) => new[] { stakeholder }.AsQueryable().VisibleTo(viewer).Any();

    /// <summary>Contact details and notes: signed-in users who may see the record; never visitors, even of a Public one.</summary>
    public static bool CanSeeContacts(Stakeholder stakeholder, Viewer viewer) => !viewer.IsAnonymous && CanSee(stakeholder, viewer);

    /// <summary>Members and above of the owning organisation who may see it, and the user who made it.</summary>
    public static bool CanEdit(Stakeholder stakeholder, Viewer viewer) =>
        viewer.UserId is { } userId && CanSee(stakeholder, viewer)
        && (stakeholder.CreatedById == userId || (viewer.OrganisationId == stakeholder.OrganisationId && viewer.Role <= Role.Member));

    /// <summary>Who may add to the register at all: members and above of an organisation.</summary>
    public static bool CanAdd(Viewer viewer) => viewer.UserId is not null && viewer.OrganisationId is not null && viewer.Role <= Role.Member;

    /// <summary>Engagements by the same levels: the author in place of the record's maker, the owning organisation's users, named readers.</summary>
    public static IQueryable<Engagement> VisibleTo(this IQueryable<Engagement> engagements, Viewer viewer)
    {
        if (viewer.UserId is not { } userId)
            return engagements.Where(e => e.Confidentiality == Confidentiality.Public);
        var organisationId = viewer.OrganisationId;
        return engagements.Where(e => e.AuthorId == userId
            || e.Confidentiality == Confidentiality.Public
            || e.Confidentiality == Confidentiality.Network
            || (e.Confidentiality == Confidentiality.Organisation && e.OwnerOrganisationId == organisationId)
            || (e.Confidentiality == Confidentiality.Restricted && e.ReaderIds.Contains(userId)));
    }

    public static bool CanSee(Engagement engagement, Viewer viewer) => new[] { engagement }.AsQueryable().VisibleTo(viewer).Any();

    /// <summary>What was agreed: signed-in users who may see the engagement.</summary>
    public static bool CanSeeAgreed(Engagement engagement, Viewer viewer) => !viewer.IsAnonymous && CanSee(engagement, viewer);

    /// <summary>The author, and members and above of the owning organisation who may see it.</summary>
    public static bool CanEdit(Engagement engagement, Viewer viewer) =>
        viewer.UserId is { } userId && CanSee(engagement, viewer)
        && (engagement.AuthorId == userId || (viewer.OrganisationId == engagement.OwnerOrganisationId && viewer.Role <= Role.Member));
}
