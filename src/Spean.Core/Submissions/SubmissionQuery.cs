using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Recurrence;
using Spean.Core.Submissions.Calendar;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Submissions;

public sealed record SubmissionSummary(
    Guid Id, string Title, string StateIso3, string StateNameEn, string StateNameKm, int Cycle, DateOnly ReviewDate, DateTime Deadline,
    SubmissionKind Kind, SubmissionStatus Status, Guid LeadOrganisationId, string Lead, bool Invitation);

public sealed record SignatoryView(Guid OrganisationId, string Name, string? NameKm, SignatoryStatus Status, string? DescriptionEn, string? DescriptionKm, bool Lead);

public sealed record LinkedRecommendation(Guid Id, string Text, string? TextKm, int Cycle, RecommendationResponse Response, string? AssessedStatus, IReadOnlyList<string> RecommendingStates);

/// <param name="Title">Null when the viewer may not open the report: it is then only counted.</param>
public sealed record LinkedReport(Guid? Id, string? Title, DateOnly? OccurredFrom);

public sealed record CommentView(Guid Id, Guid? ParentId, string Author, string Text, DateTime CreatedAt);

public sealed record ParagraphView(
    Paragraph Paragraph, int Number, IReadOnlyList<LinkedRecommendation> Recommendations, IReadOnlyList<LinkedReport> Reports, int HiddenReports,
    IReadOnlyList<CommentView> Comments, int WordsEn, int WordsKm);

public sealed record SectionView(Cluster Cluster, string? LeadName, IReadOnlyList<string> MemberNames, bool CanEdit, IReadOnlyList<ParagraphView> Paragraphs);

/// <summary>What pages and the API show of submissions, always through <see cref="SubmissionAccess"/>.</summary>
public sealed class SubmissionQuery(SpeanDbContext db, IAssessedStatuses statuses)
{
    /// <summary>The submissions the viewer may see, and the drafts its organisation is invited to (title, State and lead only).</summary>
    public async Task<IReadOnlyList<SubmissionSummary>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var visible = await Summaries(db.Set<Submission>().VisibleTo(viewer), false).ToListAsync(cancellationToken);
        var invited = await Summaries(db.Set<Submission>().InvitingTo(viewer), true).ToListAsync(cancellationToken);
        return [.. invited, .. visible.OrderBy(s => s.Deadline)];
    }

    public Task<SubmissionSummary?> SummaryAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        Summaries(db.Set<Submission>().VisibleTo(viewer).Where(s => s.Id == id), false).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The invitation's three facts, for an organisation invited and not yet signed on.</summary>
    public Task<SubmissionSummary?> InvitationAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        Summaries(db.Set<Submission>().InvitingTo(viewer).Where(s => s.Id == id), true).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<SubmissionSummary> Summaries(IQueryable<Submission> submissions, bool invitation) =>
        from s in submissions
        join r in db.Set<UprReview>() on s.UprReviewId equals r.Id
        join c in db.Countries on s.StateIso3 equals c.Iso3
        join o in db.Organisations on s.LeadOrganisationId equals o.Id
        select new SubmissionSummary(s.Id, s.Title, s.StateIso3, c.Name, c.NameKm, r.Cycle, r.ReviewDate,
            r.SubmissionDeadlineUtc ?? UprDates.EstimatedDeadlineUtc(r.ReviewDate), s.Kind, s.Status, s.LeadOrganisationId, o.Name, invitation);

    public async Task<IReadOnlyList<SignatoryView>> SignatoriesAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        var ids = submission.Signatories.Select(s => s.OrganisationId).ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return [.. submission.Signatories.OrderBy(s => s.OrganisationId != submission.LeadOrganisationId).ThenBy(s => s.Status).ThenBy(s => names[s.OrganisationId].Name)
            .Select(s => new SignatoryView(s.OrganisationId, names[s.OrganisationId].Name, names[s.OrganisationId].NameKm, s.Status, s.DescriptionEn, s.DescriptionKm,
                s.OrganisationId == submission.LeadOrganisationId))];
    }

    public async Task<SectionView?> SectionAsync(Submission submission, Guid clusterId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (submission.Clusters.FirstOrDefault(c => c.Id == clusterId) is not { } cluster) return null;
        var paragraphs = await db.Set<Paragraph>().Where(p => p.ClusterId == clusterId).Include(p => p.Sources)
            .OrderBy(p => p.Kind).ThenBy(p => p.Position).AsSplitQuery().ToListAsync(cancellationToken);
        // Every paragraph has its number while drafting; the exported document numbers those written in its language.
        var clusterIds = submission.Clusters.Select(c => c.Id).ToList();
        var clusterNumbers = submission.Clusters.ToDictionary(c => c.Id, c => c.Number);
        var numbers = (await db.Set<Paragraph>().Where(p => clusterIds.Contains(p.ClusterId)).Select(p => new { p.Id, p.ClusterId, p.Kind, p.Position })
                .ToListAsync(cancellationToken))
            .OrderBy(p => clusterNumbers[p.ClusterId]).ThenBy(p => p.Kind).ThenBy(p => p.Position)
            .Select((p, i) => (p.Id, Number: i + 1)).ToDictionary(p => p.Id, p => p.Number);
        var recommendationIds = paragraphs.SelectMany(p => p.RecommendationIds).Distinct().ToList();
        var recommendations = await db.Recommendations.Where(r => recommendationIds.Contains(r.Id)).Include(r => r.RecommendingStates)
            .AsSplitQuery().ToDictionaryAsync(r => r.Id, cancellationToken);
        var assessed = await statuses.OfAsync(recommendationIds, viewer, cancellationToken);
        var reportIds = paragraphs.SelectMany(p => p.ReportIds).Distinct().ToList();
        var reports = await db.Reports.VisibleTo(viewer).Where(r => reportIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.OccurredFrom }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var paragraphIds = paragraphs.Select(p => p.Id).ToList();
        // The coalition's own discussion stays with it after publication.
        var comments = SubmissionAccess.IsSignatoryMember(submission, viewer)
            ? await db.Set<ParagraphComment>().Where(c => paragraphIds.Contains(c.ParagraphId)).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken)
            : [];
        var organisationIds = cluster.MemberOrganisationIds.Append(cluster.LeadOrganisationId ?? Guid.Empty).ToList();
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var views = paragraphs.Select(p => new ParagraphView(p, numbers[p.Id],
            [.. p.RecommendationIds.Where(recommendations.ContainsKey).Select(id => recommendations[id]).Select(r => new LinkedRecommendation(
                r.Id, r.Text, r.TextKm, r.Cycle, r.Response, assessed.GetValueOrDefault(r.Id), [.. r.RecommendingStates.Select(s => s.Name)]))],
            [.. p.ReportIds.Where(reports.ContainsKey).Select(id => new LinkedReport(id, reports[id].Title, reports[id].OccurredFrom))],
            p.ReportIds.Count(id => !reports.ContainsKey(id)),
            [.. comments.Where(c => c.ParagraphId == p.Id).Select(c => new CommentView(c.Id, c.ParentId, c.Author, c.Text, c.CreatedAt))],
            WordCount.Of(p.TextEn) + p.Sources.Sum(s => WordCount.Of(s.Url is null ? s.Text : $"{s.Text}, {s.Url}")), WordCount.Of(p.TextKm))).ToList();
        return new SectionView(cluster, cluster.LeadOrganisationId is { } lead ? names.GetValueOrDefault(lead) : null,
            [.. cluster.MemberOrganisationIds.Where(names.ContainsKey).Select(id => names[id])], SubmissionAccess.CanEdit(submission, cluster, viewer), views);
    }

    // ToLower is translated to SQL's LOWER on both databases; the culture rules are about .NET strings, not this query.
#pragma warning disable CA1304, CA1311, CA1862
    /// <summary>Recommendations made to the State in earlier cycles whose text has all the words, to link to a paragraph.</summary>
    public async Task<IReadOnlyList<Recommendation>> FindRecommendationsAsync(string stateIso3, string? words, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(words)) return [];
        var query = db.Recommendations.Where(r => r.StateUnderReviewIso3 == stateIso3);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            var w = word.ToLowerInvariant();
            query = query.Where(r => r.Text.ToLower().Contains(w));
        }
        return await query.OrderByDescending(r => r.Cycle).Take(20).ToListAsync(cancellationToken);
    }

    /// <summary>Field reports the viewer can open whose title has the words, to cite as evidence.</summary>
    public async Task<IReadOnlyList<Report>> FindReportsAsync(string? words, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(words)) return [];
        var w = words.Trim().ToLowerInvariant();
        return await db.Reports.VisibleTo(viewer).Where(r => r.Status != ReportStatus.Draft && r.Title.ToLower().Contains(w))
            .OrderByDescending(r => r.OccurredFrom).Take(20).ToListAsync(cancellationToken);
    }
#pragma warning restore CA1304, CA1311, CA1862
}
