using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Monitoring.Reports;

/// <summary>
/// The list's and the map's counts, kept between requests by part of the visible reports (what every member sees,
/// what an organisation sees, what one viewer alone sees): counting reads every visible report, and was most of a
/// report list's cost, while the first two parts are the same for many readers. A change to a report or its evidence
/// saved through this process makes every kept count stale at once; one made by another process on the same database
/// (a second app, a restore) shows within <see cref="FreshFor"/>.
/// </summary>
public sealed class ReportCounts(TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);
    private const int MostKept = 1024;

    private long changes;
    private readonly ConcurrentDictionary<(string Part, ReportFilter Filter), Kept> kept = new();

    private sealed record Kept(long Changes, DateTimeOffset At, IReadOnlyList<ReportSearch.Cell> Cells);

    internal void Changed() => Interlocked.Increment(ref changes);

    /// <summary>The cells of a part, counted only when none are kept from after the last change.</summary>
    /// <param name="part">Names the part and everything it depends on besides the filter: whose organisation, which viewer.</param>
    internal async Task<IReadOnlyList<ReportSearch.Cell>> KeptAsync(string part, ReportFilter filter, Func<Task<List<ReportSearch.Cell>>> count)
    {
        var key = (part, filter with { Page = 1, PageSize = 0 });
        // Read before counting: a change saved while the query runs leaves this entry behind it.
        var changesBefore = Interlocked.Read(ref changes);
        var now = clock.GetUtcNow();
        if (kept.TryGetValue(key, out var entry) && entry.Changes == changesBefore && now - entry.At < FreshFor) return entry.Cells;
        var cells = await count();
        if (kept.Count >= MostKept) kept.Clear();
        kept[key] = new Kept(changesBefore, now, cells);
        return cells;
    }
}

/// <summary>
/// Tells <see cref="ReportCounts"/> that reports or evidence changed once the change is committed: after the save, or,
/// for a save inside a transaction, when the transaction commits (until then other connections count without it).
/// </summary>
internal sealed class ReportCountsInterceptor(ReportCounts counts) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> uncommitted = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Committed(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Report or EvidenceFile))
            uncommitted.AddOrUpdate(context, this);
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && uncommitted.Remove(context)) counts.Changed();
    }
}
