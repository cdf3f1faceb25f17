using Spean.Core.Accounts;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Submissions;

/// <summary>
/// The one place that decides who sees and who changes a submission. Until it is published, a draft or sent submission
/// is read by the members of its signatory organisations (signed on and not withdrawn; the lead always) and by nobody
/// else, network administrators included: an organisation only invited sees the invitation (title, State, lead), and any
/// other sees nothing, so answers for it are the same as for a submission that does not exist. Published: anyone.
/// </summary>
public static class SubmissionAccess
{
    public static IQueryable<Submission> VisibleTo(this IQueryable<Submission> submissions, Viewer viewer)
    {
        if (viewer.UserId is null || viewer.OrganisationId is not { } organisationId)
            return submissions.Where(s => s.Status == SubmissionStatus.Published);
        return submissions.Where(s => s.Status == SubmissionStatus.Published || s.LeadOrganisationId == organisationId
            || s.Signatories.Any(g => g.OrganisationId == organisationId && g.Status == SignatoryStatus.SignedOn));
    }

    /// <summary>Drafts the viewer's organisation is invited to sign and has not answered.</summary>
    public static IQueryable<Submission> InvitingTo(this IQueryable<Submission> submissions, Viewer viewer)
    {
        if (viewer.UserId is null || viewer.OrganisationId is not { } organisationId) return submissions.Where(_ => false);
        return submissions.Where(s => s.Status == SubmissionStatus.Draft
            && s.Signatories.Any(g => g.OrganisationId == organisationId && g.Status == SignatoryStatus.Invited));
    }

    /// <summary>Whether the viewer belongs to a signatory: the same rule as <see cref="VisibleTo"/> for a loaded submission with its signatories.</summary>
    public static bool IsSignatoryMember(Submission submission, Viewer viewer) =>
        viewer.UserId is not null && viewer.OrganisationId is { } organisationId
        && (submission.LeadOrganisationId == organisationId
            || submission.Signatories.Any(g => g.OrganisationId == organisationId && g.Status == SignatoryStatus.SignedOn));

    public static bool CanSee(Submission submission, Viewer viewer) =>
        submission.Status == SubmissionStatus.Published || IsSignatoryMember(submission, viewer);

    /// <summary>The lead organisation's coordinators (and administrators): they invite, shape the clusters, edit any section, send and publish.</summary>
    public static bool CanCoordinate(Submission submission, Viewer viewer) =>
        viewer.UserId is not null && viewer.OrganisationId == submission.LeadOrganisationId && viewer.Role <= Role.Coordinator;

    /// <summary>
    /// Drafting a section: while the submission is a draft, members (not viewers) of the cluster's lead organisation and
    /// of its member organisations, as long as their organisation is a signatory; and the lead's coordinators.
    /// </summary>
    public static bool CanEdit(Submission submission, Cluster cluster, Viewer viewer) =>
        submission.Status == SubmissionStatus.Draft && IsSignatoryMember(submission, viewer) && viewer.Role <= Role.Member
        && (CanCoordinate(submission, viewer) || cluster.LeadOrganisationId == viewer.OrganisationId
            || cluster.MemberOrganisationIds.Contains(viewer.OrganisationId!.Value));

    /// <summary>Any member of a signatory may comment on a draft; viewers read.</summary>
    public static bool CanComment(Submission submission, Viewer viewer) =>
        submission.Status == SubmissionStatus.Draft && IsSignatoryMember(submission, viewer) && viewer.Role <= Role.Member;
}
