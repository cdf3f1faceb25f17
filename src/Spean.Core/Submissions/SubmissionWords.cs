using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Submissions;

/// <param name="WordsEn">Counted against the limit: the English text, which is what OHCHR receives, footnotes included.</param>
/// <param name="WordsKm">The Khmer draft's words, by the segmenter; shown, not limited.</param>
/// <param name="WithoutEnglish">Paragraphs written in Khmer that have no English yet.</param>
public sealed record SectionWords(Guid ClusterId, int Number, string NameEn, string NameKm, int Paragraphs, int WordsEn, int WordsKm, int WithoutEnglish)
{
    public bool Empty => Paragraphs == 0;
}

public sealed record SubmissionWordCount(int Limit, IReadOnlyList<SectionWords> Sections, IReadOnlyList<Guid> ParagraphsWithoutEnglish)
{
    public int WordsEn => Sections.Sum(s => s.WordsEn);
    public int WordsKm => Sections.Sum(s => s.WordsKm);
    public bool OverLimit => WordsEn > Limit;

    /// <summary>The refusal to send or export, naming the longest sections first as those to cut.</summary>
    public Refusal Refusal()
    {
        var cut = string.Join(", ", Sections.Where(s => s.WordsEn > 0).OrderByDescending(s => s.WordsEn).Take(3).Select(s => $"{s.NameEn} ({s.WordsEn})"));
        return new Refusal(SubmissionProblem.OverLimit,
            $"The submission has {WordsEn} words, over its limit of {Limit} (footnotes count). Cut {WordsEn - Limit} words, for instance in: {cut}.",
            WordsEn, Limit, WordsEn - Limit, cut);
    }
}

/// <summary>The server's word count, which is the truth: the page's live counter only helps while typing.</summary>
public sealed class SubmissionWords(SubmissionText text, SubmissionsOptions options, SpeanDbContext db)
{
    public async Task<SubmissionWordCount> CountAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        var en = await text.BuildAsync(submission, "en", cancellationToken);
        var km = await text.BuildAsync(submission, "km", cancellationToken);
        var clusterIds = submission.Clusters.Select(c => c.Id).ToList();
        var paragraphs = await db.Set<Paragraph>().Where(p => clusterIds.Contains(p.ClusterId))
            .Select(p => new { p.Id, p.ClusterId, p.TextEn, p.TextKm }).ToListAsync(cancellationToken);
        var without = paragraphs.Where(p => string.IsNullOrWhiteSpace(p.TextEn) && !string.IsNullOrWhiteSpace(p.TextKm)).ToList();
        var sections = submission.Clusters.OrderBy(c => c.Number).Select(c => new SectionWords(
            c.Id, c.Number, c.NameEn, c.NameKm, paragraphs.Count(p => p.ClusterId == c.Id),
            en.Sections.Single(s => s.ClusterId == c.Id).Words, km.Sections.Single(s => s.ClusterId == c.Id).Words,
            without.Count(p => p.ClusterId == c.Id))).ToList();
        return new SubmissionWordCount(options.LimitFor(submission.Kind), sections, [.. without.Select(p => p.Id)]);
    }
}
