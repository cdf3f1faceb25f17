using DiffPlex;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Submissions.Drafting;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A word (with the space after it) kept, removed or added between two versions.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

public sealed record VersionComparison(ParagraphVersion From, ParagraphVersion To, IReadOnlyList<DiffPiece> English, IReadOnlyList<DiffPiece> Khmer);

/// <summary>Who changed a paragraph, what and when; two versions compared word by word.</summary>
public sealed partial class ParagraphHistory(SpeanDbContext db, ParagraphEditor paragraphs)
{
    private static readonly Lazy<Text.KhmerSegmenter> Segmenter = new(Text.KhmerSegmenter.LoadShipped);

    public async Task<IReadOnlyList<ParagraphVersion>?> VersionsAsync(Guid submissionId, Guid paragraphId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (submission, _, paragraph) = await paragraphs.OpenAsync(submissionId, paragraphId, viewer, cancellationToken);
        // A published submission shows its text to everyone, not how it was drafted: an early version may name what was taken out.
        if (paragraph is null || !SubmissionAccess.IsSignatoryMember(submission!, viewer)) return null;
        return await db.Set<ParagraphVersion>().Where(v => v.ParagraphId == paragraphId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
    }

    public async Task<VersionComparison?> CompareAsync(Guid submissionId, Guid paragraphId, int from, int to, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await VersionsAsync(submissionId, paragraphId, viewer, cancellationToken) is not { } versions) return null;
        if (versions.FirstOrDefault(v => v.Version == from) is not { } a || versions.FirstOrDefault(v => v.Version == to) is not { } b) return null;
        return new VersionComparison(a, b, Diff(a.TextEn, b.TextEn), Diff(Khmer(a.TextKm), Khmer(b.TextKm)));
    }

    // Khmer has no spaces between words: the segmenter's words, joined by zero-width spaces, become what the differ splits on.
    private static string Khmer(string text) => string.Join('\u200B', Segmenter.Value.Segment(text));

    public static IReadOnlyList<DiffPiece> Diff(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new WordsWithSpace());
        var pieces = new List<DiffPiece>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++) pieces.Add(new(DiffKind.Same, result.PiecesOld[a]));
            for (var i = 0; i < block.DeleteCountA; i++) pieces.Add(new(DiffKind.Removed, result.PiecesOld[a++]));
            for (var i = 0; i < block.InsertCountB; i++) pieces.Add(new(DiffKind.Added, result.PiecesNew[b++]));
        }
        for (; a < result.PiecesOld.Count; a++) pieces.Add(new(DiffKind.Same, result.PiecesOld[a]));
        return pieces;
    }

    /// <summary>Each word with the spaces after it, so the pieces put back together are the text.</summary>
    private sealed partial class WordsWithSpace : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => [.. Word().Matches(text).Select(m => m.Value)];

        [System.Text.RegularExpressions.GeneratedRegex(@"\S+[\s\u200B]*|[\s\u200B]+")]
        private static partial System.Text.RegularExpressions.Regex Word();
    }
}
