using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Spean.Core.Text;

namespace Spean.Core.Monitoring.Reports;

/// <summary>
/// The words of a report's title, narrative and tags, lower-cased, Khmer split into words by the segmenter, one space
/// between and one at each end: " land grab ដីធ្លី ការបណ្តេញ ". A query word matches where " word" occurs, so it
/// finds a word or the start of one ("evict" finds "eviction", "ដី" finds "ដីធ្លី") with the same plain substring
/// test on SQLite and PostgreSQL. Khmer has no spaces, so without the segmenter a Khmer word could only be matched as a
/// substring of whole runs, where a short word would match inside unrelated longer ones.
/// </summary>
public static class ReportSearchText
{
    private static readonly Lazy<KhmerSegmenter> Segmenter = new(KhmerSegmenter.LoadShipped);

    public static string For(Report report) =>
        " " + string.Join(' ', Words($"{report.Title}\n{report.Narrative}\n{string.Join('\n', report.Tags)}")) + " ";

    /// <summary>Reports saved before the search column existed get theirs, outside the audit trail: no one changed them.</summary>
    public static async Task FillMissingAsync(Data.SpeanDbContext db, CancellationToken cancellationToken)
    {
        var missing = await db.Reports.AsNoTracking().Where(r => r.SearchText == null).ToListAsync(cancellationToken);
        foreach (var report in missing)
        {
            var text = For(report);
            await db.Reports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SearchText, text), cancellationToken);
        }
    }

    /// <summary>The words of a query, each to be found at the start of a word of the report; empty when it has none.</summary>
    public static IReadOnlyList<string> QueryWords(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : Words(query).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Words(string text) =>
        Segmenter.Value.Segment(text).Where(t => t.Any(char.IsLetterOrDigit)).Select(Normalise);

    /// <summary>Lower case, and subscript DA written as subscript TA: both spellings of ផ្ដល់ are in common use.</summary>
    private static string Normalise(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 1; i < chars.Length; i++)
            if (chars[i] == '\u178A' && chars[i - 1] == KhmerScript.Coeng) chars[i] = '\u178F';
        return new string(chars);
    }
}

/// <summary>Keeps <see cref="Report.SearchText"/> in step with the words it is made of, whoever saves the report.</summary>
internal sealed class ReportSearchTextInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refresh(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refresh(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Refresh(DbContext? context)
    {
        if (context is null) return;
        foreach (EntityEntry<Report> entry in context.ChangeTracker.Entries<Report>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var text = ReportSearchText.For(entry.Entity);
                if (entry.Entity.SearchText != text) entry.Entity.SearchText = text;
            }
        }
    }
}
