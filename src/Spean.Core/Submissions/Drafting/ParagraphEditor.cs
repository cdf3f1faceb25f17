using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Submissions.Drafting;

public sealed record SourceInput(string? Text, string? Url);

/// <param name="BaseVersion">The version the editor started from; a save on top of a newer one is refused.</param>
public sealed record ParagraphInput(
    string? TextEn, string? TextKm, IReadOnlyList<SourceInput>? Sources = null, IReadOnlyList<Guid>? RecommendationIds = null,
    IReadOnlyList<Guid>? ReportIds = null, int? BaseVersion = null);

/// <summary>Refused because someone else saved the paragraph meanwhile: their text, and the text that was not saved.</summary>
public sealed record EditConflict(Paragraph Current, ParagraphInput Yours);

public sealed record ParagraphSaved(Paragraph? Paragraph, Refusal? Refusal, EditConflict? Conflict = null);

/// <summary>Writes paragraphs and their comments; each save keeps a version, and no save silently overwrites another.</summary>
public sealed class ParagraphEditor(SpeanDbContext db, SubmissionEditor submissions, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ParagraphSaved> AddAsync(
        Guid submissionId, Guid clusterId, ParagraphKind kind, ParagraphInput input, Viewer viewer, string author, CancellationToken cancellationToken = default)
    {
        if (await submissions.FindAsync(submissionId, viewer, cancellationToken) is not { } submission) return new(null, SubmissionEditor.NotFound());
        if (submission.Clusters.FirstOrDefault(c => c.Id == clusterId) is not { } cluster) return new(null, SubmissionEditor.ClusterNotFound());
        if (!SubmissionAccess.CanEdit(submission, cluster, viewer)) return new(null, MayNotEdit(submission));
        if (await ValidateAsync(submission, input, viewer, cancellationToken) is { } refusal) return new(null, refusal);
        var position = await db.Set<Paragraph>().Where(p => p.ClusterId == clusterId && p.Kind == kind)
            .Select(p => (int?)p.Position).MaxAsync(cancellationToken) ?? 0;
        var paragraph = new Paragraph
        {
            ClusterId = clusterId, Kind = kind, Position = position + 1, UpdatedAt = Now, UpdatedById = viewer.UserId!.Value, UpdatedBy = author,
        };
        paragraph.Sources.AddRange(Apply(paragraph, input));
        db.Add(paragraph);
        db.Add(VersionOf(paragraph, paragraph.Sources));
        await db.SaveChangesAsync(cancellationToken);
        return new(paragraph, null);
    }

    public async Task<ParagraphSaved> SaveAsync(Guid submissionId, Guid paragraphId, ParagraphInput input, Viewer viewer, string author, CancellationToken cancellationToken = default)
    {
        var (submission, cluster, paragraph) = await OpenAsync(submissionId, paragraphId, viewer, cancellationToken);
        if (paragraph is null) return new(null, submission is null ? SubmissionEditor.NotFound() : ParagraphNotFound());
        if (!SubmissionAccess.CanEdit(submission!, cluster!, viewer)) return new(null, MayNotEdit(submission!));
        if (input.BaseVersion is not { } baseVersion)
            return new(null, new Refusal(SubmissionProblem.TextRequired, "Say which version your edit starts from ('baseVersion'), so no one else's change is lost."));
        if (baseVersion != paragraph.Version) return Conflict(paragraph, input);
        if (await ValidateAsync(submission!, input, viewer, cancellationToken) is { } refusal) return new(null, refusal);
        db.RemoveRange(paragraph.Sources);
        var sources = Apply(paragraph, input);
        db.AddRange(sources);
        paragraph.Version++;
        paragraph.UpdatedAt = Now;
        paragraph.UpdatedById = viewer.UserId!.Value;
        paragraph.UpdatedBy = author;
        db.Add(VersionOf(paragraph, sources));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save of the same version won the race: give this person the winner's text and keep theirs.
            db.ChangeTracker.Clear();
            var current = await db.Set<Paragraph>().Include(p => p.Sources).SingleAsync(p => p.Id == paragraphId, cancellationToken);
            return Conflict(current, input);
        }
        return new(paragraph, null);
    }

    public async Task<Refusal?> DeleteAsync(Guid submissionId, Guid paragraphId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (submission, cluster, paragraph) = await OpenAsync(submissionId, paragraphId, viewer, cancellationToken);
        if (paragraph is null) return submission is null ? SubmissionEditor.NotFound() : ParagraphNotFound();
        if (!SubmissionAccess.CanEdit(submission!, cluster!, viewer)) return MayNotEdit(submission!);
        db.Remove(paragraph);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Outcome<ParagraphComment>> CommentAsync(
        Guid submissionId, Guid paragraphId, Guid? parentId, string? text, Viewer viewer, string author, CancellationToken cancellationToken = default)
    {
        var (submission, _, paragraph) = await OpenAsync(submissionId, paragraphId, viewer, cancellationToken);
        if (paragraph is null) return submission is null ? SubmissionEditor.NotFound() : ParagraphNotFound();
        if (!SubmissionAccess.CanComment(submission!, viewer))
            return new Refusal(SubmissionProblem.MayNotComment, "Members of the signatory organisations comment on a draft; a sent submission takes no more comments.");
        if (string.IsNullOrWhiteSpace(text)) return new Refusal(SubmissionProblem.TextRequired, "Write the comment.");
        if (parentId is { } parent && !await db.Set<ParagraphComment>().AnyAsync(c => c.Id == parent && c.ParagraphId == paragraphId, cancellationToken))
            return new Refusal(SubmissionProblem.CommentNotFound, "The comment you answer is not on this paragraph.");
        var comment = new ParagraphComment
        {
            ParagraphId = paragraphId, ParentId = parentId, AuthorId = viewer.UserId!.Value, Author = author, Text = text.Trim(), CreatedAt = Now,
        };
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>The paragraph with its submission and cluster, if the viewer may see the submission.</summary>
    public async Task<(Submission?, Cluster?, Paragraph?)> OpenAsync(Guid submissionId, Guid paragraphId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await submissions.FindAsync(submissionId, viewer, cancellationToken) is not { } submission) return (null, null, null);
        var clusterIds = submission.Clusters.Select(c => c.Id).ToList();
        var paragraph = await db.Set<Paragraph>().Include(p => p.Sources)
            .FirstOrDefaultAsync(p => p.Id == paragraphId && clusterIds.Contains(p.ClusterId), cancellationToken);
        return (submission, paragraph is null ? null : submission.Clusters.Single(c => c.Id == paragraph.ClusterId), paragraph);
    }

    private async Task<Refusal?> ValidateAsync(Submission submission, ParagraphInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.TextEn) && string.IsNullOrWhiteSpace(input.TextKm))
            return new Refusal(SubmissionProblem.TextRequired, "Write the paragraph in English, in Khmer or in both.");
        if ((input.Sources ?? []).Any(s => string.IsNullOrWhiteSpace(s.Text) && !string.IsNullOrWhiteSpace(s.Url)))
            return new Refusal(SubmissionProblem.SourceTextRequired, "Each footnote needs its text (author, title, date); the address alone is not enough.");
        var recommendationIds = (input.RecommendationIds ?? []).Distinct().ToList();
        var known = await db.Recommendations.CountAsync(r => recommendationIds.Contains(r.Id) && r.StateUnderReviewIso3 == submission.StateIso3, cancellationToken);
        if (known != recommendationIds.Count)
            return new Refusal(SubmissionProblem.RecommendationUnknown, $"Pick recommendations made to {submission.StateIso3} from the database; one of those given is not one.");
        var reportIds = (input.ReportIds ?? []).Distinct().ToList();
        var visible = await db.Reports.VisibleTo(viewer).CountAsync(r => reportIds.Contains(r.Id), cancellationToken);
        if (visible != reportIds.Count)
            return new Refusal(SubmissionProblem.ReportUnknown, "Cite field reports you can open; one of those given is not one.");
        return null;
    }

    /// <returns>The new footnotes, for the caller to add: to a new paragraph's collection, or to the context for a tracked one.</returns>
    private static List<ParagraphSource> Apply(Paragraph paragraph, ParagraphInput input)
    {
        paragraph.TextEn = input.TextEn?.Trim() ?? "";
        paragraph.TextKm = input.TextKm?.Trim() ?? "";
        paragraph.RecommendationIds = [.. (input.RecommendationIds ?? []).Distinct()];
        paragraph.ReportIds = [.. (input.ReportIds ?? []).Distinct()];
        var order = 1;
        return [.. (input.Sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Text)).Select(source => new ParagraphSource
        {
            ParagraphId = paragraph.Id, Order = order++, Text = source.Text!.Trim(), Url = string.IsNullOrWhiteSpace(source.Url) ? null : source.Url.Trim(),
        })];
    }

    private static ParagraphVersion VersionOf(Paragraph p, List<ParagraphSource> sources) => new()
    {
        ParagraphId = p.Id, Version = p.Version, TextEn = p.TextEn, TextKm = p.TextKm, AuthorId = p.UpdatedById, Author = p.UpdatedBy, SavedAt = p.UpdatedAt,
        Sources = string.Join('\n', sources.OrderBy(s => s.Order).Select(s => s.Url is null ? s.Text : $"{s.Text}, {s.Url}")),
    };

    private static ParagraphSaved Conflict(Paragraph current, ParagraphInput yours) => new(null,
        new Refusal(SubmissionProblem.MovedOn,
            $"{current.UpdatedBy} saved this paragraph (version {current.Version}) after you opened it. Merge your text into theirs and save again on version {current.Version}.",
            current.UpdatedBy, current.Version),
        new EditConflict(current, yours));

    private static Refusal MayNotEdit(Submission submission) => submission.Status != SubmissionStatus.Draft
        ? SubmissionEditor.NotADraft()
        : new Refusal(SubmissionProblem.MayNotEdit, "Members of the cluster's organisations draft its section; ask the cluster's lead or the submission's coordinator to add your organisation.");

    private static Refusal ParagraphNotFound() => new(SubmissionProblem.ParagraphNotFound, "The submission has no paragraph with that id.");
}
