using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations.Bilingual;
using Spean.Core.Recommendations.Search;
using Spean.Core.Text;

namespace Spean.Core.Recommendations;

public sealed record RecommendationHit(Recommendation Recommendation, IReadOnlyList<HighlightRange> Highlights, IReadOnlyList<HighlightRange> KhmerHighlights);

/// <param name="Error">Why the text query could not be read; then there are no hits.</param>
/// <param name="Expansion">What was searched besides the words typed: English for Khmer terms, Khmer for English ones.</param>
public sealed record RecommendationResults(
    RecommendationQuery Query, int Total, IReadOnlyList<RecommendationHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, Refusal? Error, QueryExpansion? Expansion = null)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>
/// Serves recommendation searches from the in-memory index and keeps that index in step with the database:
/// edits made through the app update it at once (<see cref="RecordChangeAsync"/>); changes from elsewhere
/// (the CLI, a restore) are noticed by the row count and the latest update time, checked at most every
/// <see cref="SearchOptions.FreshnessSeconds"/>. A result page asked again is answered from memory until the index
/// next changes.
/// </summary>
public sealed class RecommendationSearch(IServiceScopeFactory scopes, SearchOptions options, TimeProvider clock) : IDisposable
{
    private static readonly KhmerSegmenter Segmenter = KhmerSegmenter.LoadShipped();
    private readonly RecommendationIndex index = new(RecommendationQuery.Fields, Segmenter.Segment);
    private readonly QueryExpander expander = new(BilingualGlossary.Shipped, Segmenter.Segment);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly ShownResults shown = new(rowCapacity: 4096, pageCapacity: 512);
    private Signature? indexed;
    private long checkedAt;

    public async Task<RecommendationResults> SearchAsync(RecommendationQuery query, CancellationToken cancellationToken = default)
    {
        var current = await IndexAsync(cancellationToken);
        var link = query.ToQueryString();
        if (shown.TryGetPage(link, out var page)) return page;
        var readAt = shown.Generation;
        // A query that cannot be read is refused as typed, so the message's positions are the person's own.
        var expansion = current.Validate(query.Text) is null ? expander.Expand(query.Text) : null;
        var searched = Searched(query, expansion);
        var found = current.Search(searched.ToSearchRequest());
        if (found.Error is not null) return new(query, 0, [], found.Facets, found.Error, expansion);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var rows = await LoadShownAsync(db, found.Ids, readAt, cancellationToken);
        var marks = current.Marks(searched.Text);
        var hits = found.Ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new RecommendationHit(
            r, marks.In(r.Text), r.TextKm is null ? [] : marks.In(r.TextKm))).ToList();
        var results = new RecommendationResults(query, found.Total, hits, found.Facets, null, expansion);
        shown.Keep(readAt, link, results);
        return results;
    }

    private static RecommendationQuery Searched(RecommendationQuery query, QueryExpansion? expansion) =>
        expansion is { Changed: true } ? query with { Text = expansion.Searched } : query;

    /// <summary>Every match in the query's order, loaded a batch at a time so a whole-database export stays small in memory.</summary>
    public async IAsyncEnumerable<Recommendation> AllMatchesAsync(
        RecommendationQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var found = (await IndexAsync(cancellationToken)).Search(Searched(query, expander.Expand(query.Text)).ToSearchRequest(all: true) with { CountFields = [] });
        if (found.Error is not null) throw new ArgumentException(found.Error.Message, nameof(query));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        foreach (var batch in found.Ids.Chunk(500))
        {
            var rows = await LoadAsync(db, batch, cancellationToken);
            foreach (var id in batch)
                if (rows.TryGetValue(id, out var row)) yield return row;
        }
    }

    /// <returns>A message a person can act on when the text query cannot be read, otherwise null.</returns>
    public async Task<Refusal?> ValidateAsync(RecommendationQuery query, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).Validate(query.Text);

    public async Task<CrossCounts> CrossAsync(RecommendationQuery query, string rows, string columns, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(cancellationToken);
        return index.Validate(query.Text) is { } invalid ? CrossCounts.Failed(invalid)
            : index.Cross(Searched(query, expander.Expand(query.Text)).ToSearchRequest(all: true), rows, columns);
    }

    /// <summary>The count of changes the index has taken (rebuilds and edits): whatever was made from it under another count is out of date.</summary>
    public long Changes => shown.Generation;

    /// <summary>After a bulk change made in this process (an import): the next search checks the database instead of waiting for the freshness interval.</summary>
    public void MarkStale()
    {
        shown.Clear();
        Interlocked.Exchange(ref checkedAt, 0);
    }

    /// <summary>Builds the index ahead of the first search, so the first visitor does not wait for it.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) => IndexAsync(cancellationToken);

    /// <summary>Brings the index in step after the app added, edited or deleted the recommendation <paramref name="id"/>.</summary>
    /// <remarks>Waits for a build under way: a change applied beside a build could be lost when the build's older rows replace it.</remarks>
    public async Task RecordChangeAsync(SpeanDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            shown.Forget(id);
            if (indexed is null) return;
            var mapper = await DocumentMapper.LoadAsync(db, cancellationToken);
            var rows = await LoadAsync(db, [id], cancellationToken);
            if (rows.TryGetValue(id, out var row)) index.Upsert(mapper.ToDocument(row));
            else index.Remove(id);
            // Again: a search beside the change (it does not wait for it) may have kept a page of the index as it was.
            shown.Forget(id);
            indexed = await Signature.ReadAsync(db, cancellationToken);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task<RecommendationIndex> IndexAsync(CancellationToken cancellationToken)
    {
        if (IsFresh()) return index;
        // A built index does not wait for another request's check of the database (a scan of every row, most of a second
        // at a million) or an edit being applied: it answers as it is, as fresh as it was a moment ago.
        if (indexed is not null && !refreshing.Wait(0, cancellationToken)) return index;
        if (indexed is null) await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh()) return index;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
            var now = await Signature.ReadAsync(db, cancellationToken);
            if (now != indexed)
            {
                var mapper = await DocumentMapper.LoadAsync(db, cancellationToken);
                var all = await Rows(db).ToListAsync(cancellationToken);
                shown.Clear();
                index.Build(all.Select(mapper.ToDocument));
                shown.Clear(); // again, as after an edit
                indexed = now;
            }
            checkedAt = clock.GetTimestamp();
            return index;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private bool IsFresh() => indexed is not null && clock.GetElapsedTime(checkedAt).TotalSeconds < options.FreshnessSeconds;

    private static IQueryable<Recommendation> Rows(SpeanDbContext db) => db.Recommendations.AsNoTracking()
        .Include(r => r.RecommendingStates).Include(r => r.Issues).Include(r => r.SdgTargets)
        .Include(r => r.OhchrThemes).Include(r => r.AffectedPersons).AsSplitQuery();

    /// <summary>A result page's rows: those shown lately from memory, the others from the database.</summary>
    /// <remarks>The rows (and the results holding them) are shared between requests: read them, never change them.</remarks>
    private async Task<Dictionary<Guid, Recommendation>> LoadShownAsync(SpeanDbContext db, IReadOnlyList<Guid> ids, long readAt, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Recommendation>(ids.Count);
        var missing = new List<Guid>();
        shown.Find(ids, found, missing);
        if (missing.Count == 0) return found;
        var read = await LoadAsync(db, missing, cancellationToken);
        shown.Keep(readAt, read.Values);
        foreach (var (id, row) in read) found[id] = row;
        return found;
    }

    /// <remarks>The ids go as one parameter: EF would name one for each id, at a cost that grows with their square (ADR 33).</remarks>
    private static async Task<Dictionary<Guid, Recommendation>> LoadAsync(SpeanDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Rows(db).Where(r => EF.Parameter(ids).Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

    public void Dispose()
    {
        index.Dispose();
        refreshing.Dispose();
    }

    private sealed record Signature(int Count, DateTime? LastUpdate)
    {
        public static async Task<Signature> ReadAsync(SpeanDbContext db, CancellationToken cancellationToken) => new(
            await db.Recommendations.CountAsync(cancellationToken),
            await db.Recommendations.MaxAsync(r => (DateTime?)r.UpdatedAt, cancellationToken));
    }
}
