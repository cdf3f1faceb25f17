using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Submissions.Calendar;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Submissions;

public sealed record NewSubmission(
    string? Title, string? StateIso3, int? Cycle, SubmissionKind Kind, int? Session = null, DateOnly? ReviewDate = null,
    DateTime? DeadlineUtc = null, string? DescriptionEn = null, string? DescriptionKm = null);

public sealed record ClusterInput(string? NameEn, string? NameKm, Guid? LeadOrganisationId, IReadOnlyList<Guid>? MemberOrganisationIds);

/// <summary>A submission's life: created with the template's clusters, organisations invited and signed on, sent, published.</summary>
public sealed class SubmissionEditor(SpeanDbContext db, TimeProvider time, SubmissionWords words)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Loads a submission with its signatories and clusters if the viewer may see it; null otherwise, as for none.</summary>
    public Task<Submission?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Set<Submission>().VisibleTo(viewer).Include(s => s.Signatories).Include(s => s.Clusters)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<Outcome<Submission>> CreateAsync(NewSubmission input, Viewer viewer, Guid userId, CancellationToken cancellationToken = default)
    {
        if (viewer.OrganisationId is not { } organisationId || viewer.Role > Role.Coordinator)
            return new Refusal(SubmissionProblem.MayNotCreate, "Only a coordinator of a member organisation starts a submission; ask yours.");
        if (string.IsNullOrWhiteSpace(input.Title))
            return new Refusal(SubmissionProblem.TitleRequired, "Give the submission a title.");
        if (DescriptionTooLong(input.DescriptionEn, input.DescriptionKm) is { } tooLong) return tooLong;
        var iso3 = input.StateIso3?.Trim().ToUpperInvariant() ?? "";
        if (!await db.Countries.AnyAsync(c => c.Iso3 == iso3, cancellationToken))
            return new Refusal(SubmissionProblem.StateUnknown, "'stateIso3' is the ISO 3166 alpha-3 code of the State under Review, e.g. KHM.");
        if (input.Cycle is not (>= 1 and <= 20) || input.Cycle is not { } cycle)
            return new Refusal(SubmissionProblem.ReviewDatesNeeded, "Give the review's cycle (1 to 20); Cambodia's fifth review is cycle 5.");
        var review = await db.Set<UprReview>().FirstOrDefaultAsync(r => r.StateIso3 == iso3 && r.Cycle == cycle, cancellationToken);
        if (review is null)
        {
            if (input.ReviewDate is not { } reviewDate || input.Session is not (> 0) || input.Session is not { } session)
                return new Refusal(SubmissionProblem.ReviewDatesNeeded,
                    "This review is not in the calendar yet: give its Working Group session and review date (and the deadline if OHCHR published it).");
            review = new UprReview { StateIso3 = iso3, Cycle = cycle, Session = session, ReviewDate = reviewDate, SubmissionDeadlineUtc = input.DeadlineUtc };
            db.Add(review);
        }
        var submission = new Submission
        {
            Title = input.Title.Trim(), StateIso3 = iso3, UprReviewId = review.Id, Kind = input.Kind, LeadOrganisationId = organisationId,
            CreatedAt = Now, CreatedById = userId,
        };
        submission.Signatories.Add(new Signatory
        {
            OrganisationId = organisationId, Status = SignatoryStatus.SignedOn, InvitedAt = Now, SignedAt = Now,
            DescriptionEn = Trimmed(input.DescriptionEn), DescriptionKm = Trimmed(input.DescriptionKm),
        });
        var number = 1;
        foreach (var (en, km) in SubmissionTemplate.Clusters)
            submission.Clusters.Add(new Cluster { Number = number++, NameEn = en, NameKm = km, LeadOrganisationId = organisationId });
        db.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        return submission;
    }

    public async Task<Outcome<Submission>> InviteAsync(Guid id, Guid organisationId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (submission, refusal) = await CoordinatedDraftAsync(id, viewer, cancellationToken);
        if (submission is null) return refusal!;
        if (submission.Kind == SubmissionKind.Individual)
            return new Refusal(SubmissionProblem.IndividualHasOneOrganisation, "An individual submission has one organisation; make it joint to invite others.");
        if (!await db.Set<Organisation>().AnyAsync(o => o.Id == organisationId, cancellationToken))
            return new Refusal(SubmissionProblem.OrganisationUnknown, "No member organisation has that id; pick one from the network's organisations.");
        var existing = submission.Signatories.FirstOrDefault(s => s.OrganisationId == organisationId);
        if (existing is { Status: SignatoryStatus.Invited or SignatoryStatus.SignedOn })
            return new Refusal(SubmissionProblem.AlreadySignatory, "That organisation is already invited or signed on.");
        if (existing is not null) existing.Status = SignatoryStatus.Invited;
        // Added to the context, not only to the loaded collection: a new row with its key already set would otherwise be taken for an update.
        else db.Add(new Signatory { SubmissionId = submission.Id, OrganisationId = organisationId, Status = SignatoryStatus.Invited, InvitedAt = Now });
        await db.SaveChangesAsync(cancellationToken);
        return submission;
    }

    /// <summary>A coordinator of an invited organisation signs it on, with the description that will head the document.</summary>
    public async Task<Outcome<Submission>> SignAsync(Guid id, string? descriptionEn, string? descriptionKm, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var submission = await db.Set<Submission>().InvitingTo(viewer).Include(s => s.Signatories).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
            return await FindAsync(id, viewer, cancellationToken) is null
                ? NotFound()
                : new Refusal(SubmissionProblem.NotInvited, "Your organisation is already signed on, or was not invited to this draft.");
        if (viewer.Role > Role.Coordinator)
            return new Refusal(SubmissionProblem.MayNotSign, "Signing commits your organisation: a coordinator of it signs on.");
        if (DescriptionTooLong(descriptionEn, descriptionKm) is { } tooLong) return tooLong;
        var signatory = submission.Signatories.Single(s => s.OrganisationId == viewer.OrganisationId);
        signatory.Status = SignatoryStatus.SignedOn;
        signatory.SignedAt = Now;
        signatory.WithdrawnAt = null;
        signatory.DescriptionEn = Trimmed(descriptionEn) ?? signatory.DescriptionEn;
        signatory.DescriptionKm = Trimmed(descriptionKm) ?? signatory.DescriptionKm;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, viewer, cancellationToken))!;
    }

    /// <summary>Changes the short description of the viewer's own organisation (a coordinator of it).</summary>
    public async Task<Outcome<Submission>> DescribeAsync(Guid id, string? descriptionEn, string? descriptionKm, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, viewer, cancellationToken) is not { } submission || !SubmissionAccess.IsSignatoryMember(submission, viewer)) return NotFound();
        if (submission.Status != SubmissionStatus.Draft) return NotADraft();
        if (viewer.Role > Role.Coordinator)
            return new Refusal(SubmissionProblem.MayNotSign, "A coordinator of your organisation writes its description.");
        if (DescriptionTooLong(descriptionEn, descriptionKm) is { } tooLong) return tooLong;
        var signatory = submission.Signatories.Single(s => s.OrganisationId == viewer.OrganisationId);
        signatory.DescriptionEn = Trimmed(descriptionEn);
        signatory.DescriptionKm = Trimmed(descriptionKm);
        await db.SaveChangesAsync(cancellationToken);
        return submission;
    }

    /// <summary>A signed organisation leaves the draft (its coordinators); possible until the submission is sent. The lead cannot.</summary>
    public async Task<Outcome<Submission>> WithdrawAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, viewer, cancellationToken) is not { } submission || !SubmissionAccess.IsSignatoryMember(submission, viewer)) return NotFound();
        if (submission.Status != SubmissionStatus.Draft)
            return new Refusal(SubmissionProblem.NotADraft, "The submission was sent: its signatories can no longer change.");
        if (submission.LeadOrganisationId == viewer.OrganisationId)
            return new Refusal(SubmissionProblem.LeadCannotWithdraw, "The lead organisation owns the submission and cannot withdraw from it.");
        if (viewer.Role > Role.Coordinator)
            return new Refusal(SubmissionProblem.MayNotSign, "Withdrawing commits your organisation: a coordinator of it withdraws.");
        var signatory = submission.Signatories.Single(s => s.OrganisationId == viewer.OrganisationId);
        signatory.Status = SignatoryStatus.Withdrawn;
        signatory.WithdrawnAt = Now;
        foreach (var cluster in submission.Clusters)
        {
            cluster.MemberOrganisationIds = [.. cluster.MemberOrganisationIds.Where(o => o != signatory.OrganisationId)];
            if (cluster.LeadOrganisationId == signatory.OrganisationId) cluster.LeadOrganisationId = submission.LeadOrganisationId;
        }
        await db.SaveChangesAsync(cancellationToken);
        return submission;
    }

    /// <summary>Marks the submission sent to OHCHR; refused while it is over the word limit, naming the sections to cut.</summary>
    public async Task<Outcome<Submission>> SendAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (submission, refusal) = await CoordinatedDraftAsync(id, viewer, cancellationToken);
        if (submission is null) return refusal!;
        var counts = await words.CountAsync(submission, cancellationToken);
        if (counts.OverLimit) return counts.Refusal();
        submission.Status = SubmissionStatus.Sent;
        submission.SentAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return submission;
    }

    public async Task<Outcome<Submission>> PublishAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, viewer, cancellationToken) is not { } submission) return NotFound();
        if (!SubmissionAccess.CanCoordinate(submission, viewer)) return MayNotCoordinate();
        if (submission.Status != SubmissionStatus.Sent)
            return new Refusal(SubmissionProblem.NotSent, "Only a sent submission is published: send it first.");
        submission.Status = SubmissionStatus.Published;
        submission.PublishedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return submission;
    }

    public async Task<Outcome<Cluster>> SaveClusterAsync(Guid id, Guid? clusterId, ClusterInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (submission, refusal) = await CoordinatedDraftAsync(id, viewer, cancellationToken);
        if (submission is null) return refusal!;
        var cluster = clusterId is null ? null : submission.Clusters.FirstOrDefault(c => c.Id == clusterId);
        if (clusterId is not null && cluster is null) return ClusterNotFound();
        if (string.IsNullOrWhiteSpace(input.NameEn) || string.IsNullOrWhiteSpace(input.NameKm))
            return new Refusal(SubmissionProblem.ClusterNameRequired, "Name the cluster in English and in Khmer.");
        var signed = submission.Signatories.Where(s => s.Status == SignatoryStatus.SignedOn).Select(s => s.OrganisationId).ToHashSet();
        var members = (input.MemberOrganisationIds ?? []).Distinct().ToList();
        if (input.LeadOrganisationId is { } lead && !signed.Contains(lead) || members.Any(m => !signed.Contains(m)))
            return new Refusal(SubmissionProblem.LeadNotSignatory, "A cluster's lead and members are organisations signed on to the submission; invite them first.");
        if (cluster is null)
        {
            cluster = new Cluster { SubmissionId = submission.Id, Number = submission.Clusters.Select(c => c.Number).DefaultIfEmpty().Max() + 1, NameEn = "", NameKm = "" };
            db.Add(cluster);
        }
        cluster.NameEn = input.NameEn.Trim();
        cluster.NameKm = input.NameKm.Trim();
        cluster.LeadOrganisationId = input.LeadOrganisationId;
        cluster.MemberOrganisationIds = members;
        await db.SaveChangesAsync(cancellationToken);
        return cluster;
    }

    public async Task<Refusal?> RemoveClusterAsync(Guid id, Guid clusterId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (submission, refusal) = await CoordinatedDraftAsync(id, viewer, cancellationToken);
        if (submission is null) return refusal;
        if (submission.Clusters.FirstOrDefault(c => c.Id == clusterId) is not { } cluster) return ClusterNotFound();
        if (await db.Set<Paragraph>().AnyAsync(p => p.ClusterId == clusterId, cancellationToken))
            return new Refusal(SubmissionProblem.ClusterNotEmpty, "The cluster's section has paragraphs; move or delete them before removing the cluster.");
        db.Remove(cluster);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Outcome<Submission>> CoordinatedDraftAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, viewer, cancellationToken) is not { } submission) return NotFound();
        if (!SubmissionAccess.CanCoordinate(submission, viewer)) return MayNotCoordinate();
        if (submission.Status != SubmissionStatus.Draft) return NotADraft();
        return submission;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Refusal? DescriptionTooLong(string? descriptionEn, string? descriptionKm) =>
        Trimmed(descriptionEn)?.Length > Signatory.DescriptionLength || Trimmed(descriptionKm)?.Length > Signatory.DescriptionLength
            ? new Refusal(SubmissionProblem.DescriptionTooLong,
                $"Keep the organisation's description (descriptionEn, descriptionKm) to {Signatory.DescriptionLength:N0} characters in each language.")
            : null;

    /// <summary>Also the answer for a submission the viewer may not see, so a hidden draft cannot be told from none.</summary>
    public static Refusal NotFound() => new(SubmissionProblem.NotFound, "There is no submission with that id that you may see.");

    internal static Refusal MayNotCoordinate() =>
        new(SubmissionProblem.MayNotCoordinate, "Only a coordinator of the lead organisation does this; ask them.");

    internal static Refusal NotADraft() => new(SubmissionProblem.NotADraft, "The submission was sent and can no longer change.");

    internal static Refusal ClusterNotFound() => new(SubmissionProblem.ClusterNotFound, "The submission has no cluster with that id.");
}
