using System.Linq.Expressions;
using Spean.Core.Accounts;

namespace Spean.Core.Campaigns;

/// <summary>
/// The one rule for who sees and who changes a campaign and everything in it (plan, dates, statements not yet published).
/// Network: every signed-in user. Organisation: the owning organisation's users, the member organisations' users and the
/// member users. Changing needs a Member or higher among those; deciding who reads it needs a Member or higher of the owning
/// organisation; approving and publishing a statement needs a
/// Coordinator or higher of the owning organisation.
/// </summary>
public static class CampaignAccess
{
    public static Expression<Func<Campaign, bool>> VisibleTo(Viewer viewer)
    {
        if (viewer.IsAnonymous) return c => false;
        var user = viewer.UserId;
        var organisation = viewer.OrganisationId;
        return c => c.Confidentiality == CampaignConfidentiality.Network
            || (organisation != null && c.OrganisationId == organisation)
            || c.Members.Any(m => (organisation != null && m.OrganisationId == organisation) || m.UserId == user);
    }

    /// <summary>Campaigns the viewer takes part in (owner, member organisation or member user): their calendar and reminders.</summary>
    public static Expression<Func<Campaign, bool>> TakingPart(Viewer viewer)
    {
        if (viewer.IsAnonymous) return c => false;
        var user = viewer.UserId;
        var organisation = viewer.OrganisationId;
        return c => (organisation != null && c.OrganisationId == organisation)
            || c.Members.Any(m => (organisation != null && m.OrganisationId == organisation) || m.UserId == user);
    }

    public static bool TakesPart(Campaign campaign, Viewer viewer) =>
        !viewer.IsAnonymous && (campaign.OrganisationId == viewer.OrganisationId
            || campaign.Members.Any(m => (viewer.OrganisationId != null && m.OrganisationId == viewer.OrganisationId) || m.UserId == viewer.UserId));

    public static bool MayChange(Campaign campaign, Viewer viewer) =>
        viewer.Role is { } role && role <= Role.Member && TakesPart(campaign, viewer);

    /// <summary>
    /// Who reads the campaign (its confidentiality and members) is decided by its own organisation's members and above:
    /// a partner may change the plan but not open it to a third organisation.
    /// </summary>
    public static bool MayGovern(Campaign campaign, Viewer viewer) =>
        viewer.Role is { } role && role <= Role.Member && viewer.OrganisationId == campaign.OrganisationId;

    public static bool MayApprove(Campaign campaign, Viewer viewer) =>
        viewer.Role is { } role && role <= Role.Coordinator && viewer.OrganisationId == campaign.OrganisationId;
}
