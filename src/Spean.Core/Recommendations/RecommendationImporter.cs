using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Recommendations.Classification;

namespace Spean.Core.Recommendations;

/// <param name="Predicted">Rows created or updated with a predicted action category, because the file gave them none.</param>
public sealed record RecommendationImportReport(int Created, int Updated, int Unchanged, int Predicted, IReadOnlyList<RejectedRow> Rejected, bool DryRun);

/// <summary>
/// Imports recommendations from UPR Info's export or a mapped CSV. A row is known again by its import key, so
/// importing the same file twice changes nothing, and a corrected file updates only the rows whose fields changed.
/// New rows go in by bulk insert, updates through EF; all in one transaction, with one audit entry.
/// A row that has no action category, in the file or stored, gets the action model's, marked predicted, once that model
/// is trained (the CLI trains it before importing such a file); an official category is never replaced by a prediction.
/// </summary>
public sealed class RecommendationImporter(SpeanDbContext db, AuditActor actor, AuditTrail audit, RecommendationClassifier classifier, TimeProvider clock)
{
    private const int UpdateBatch = 1000;
    private const int InsertBatch = 10_000;
    private static readonly Type[] RecommendationTables =
        [typeof(Recommendation), typeof(RecommendingState), typeof(RecommendationIssue), typeof(RecommendationSdgTarget)];

    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_sessions_1-18.csv");

    public async Task<RecommendationImportReport> ImportAsync(
        UprInfoFile file, bool dryRun = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var states = await StateNames.LoadAsync(db, cancellationToken);
        var sdgCodes = file.Fields.Contains("sdgs") ? await db.SdgItems.Select(s => s.Code).ToHashSetAsync(cancellationToken) : [];
        var stored = await LoadStoredAsync(cancellationToken);
        var seen = new Dictionary<string, int>();
        var rejected = file.Rejected.ToList();
        var changed = new Dictionary<Guid, UprInfoRow>();
        var batch = new List<Recommendation>(InsertBatch);
        int created = 0, unchanged = 0, predicted = 0;
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var dropped = transaction is not null && stored.Count == 0
            ? await BulkInsert.DropIndexesAndForeignKeysAsync(db, RecommendationTables, cancellationToken)
            : [];
        actor.SuppressRowAudit = true;
        try
        {
            for (var i = 0; i < file.Rows.Count; i++)
            {
                if (i % InsertBatch == 0) progress?.Report(new ImportProgress("recommendations", i, file.Rows.Count));
                var row = file.Rows[i];
                var sur = states.Iso3(row.StateUnderReview);
                if (sur is null)
                {
                    rejected.Add(new RejectedRow(row.Line, $"'{row.StateUnderReview}' is not a State Spean knows (State under Review)."));
                    continue;
                }
                var recommending = states.Split(row.RecommendingState);
                if (RejectionReason(recommending, row.SdgTargets, sdgCodes) is { } reason)
                {
                    rejected.Add(new RejectedRow(row.Line, reason));
                    continue;
                }
                var key = ImportKey(sur, row.Session, row.RecommendingState, row.Text);
                if (!seen.TryAdd(key, row.Line))
                {
                    rejected.Add(new RejectedRow(row.Line, $"The same recommendation as line {seen[key]}; skipped."));
                    continue;
                }
                if (stored.TryGetValue(key, out var current))
                {
                    var hadNone = current.ActionCategory is null;
                    if (Apply(current, row, file.Fields, now)) changed.Add(current.Id, row);
                    else unchanged++;
                    if (hadNone && current.ActionCategoryOrigin == CategoryOrigin.Predicted) predicted++;
                    continue;
                }
                created++;
                var action = CategoryOf(row);
                if (action.Origin == CategoryOrigin.Predicted) predicted++;
                if (dryRun) continue;
                batch.Add(New(row, key, sur, recommending, states, action, now));
                if (batch.Count == InsertBatch) await InsertAsync(batch, cancellationToken);
            }
            if (!dryRun)
            {
                await InsertAsync(batch, cancellationToken);
                progress?.Report(new ImportProgress("indexes and updates", 0, changed.Count));
                await BulkInsert.ExecuteAsync(db, dropped, cancellationToken);
                await UpdateAsync(changed, file.Fields, now, cancellationToken);
            }
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        if (transaction is not null)
        {
            if (created + changed.Count > 0)
                await audit.RecordAsync(AuditAction.Created,
                    $"UPR recommendations imported: {created} new, {changed.Count} updated", cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new RecommendationImportReport(created, changed.Count, unchanged, predicted, rejected.OrderBy(r => r.Line).ToList(), dryRun);
    }

    /// <summary>SHA-256 of "surIso3|session|RECOMMENDING STATE|TEXT WITH SINGLE SPACES", upper-cased invariantly.</summary>
    public static string ImportKey(string surIso3, int session, string recommendingState, string text)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{surIso3}|{session}|{recommendingState.Trim().ToUpperInvariant()}|{normalised}")));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// Every stored recommendation by import key, untracked and without its text (which the key covers): enough
    /// to tell which rows of the file change something before any entity is tracked.
    /// </summary>
    private async Task<Dictionary<string, Recommendation>> LoadStoredAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Recommendations.AsNoTracking().Select(r => new Recommendation
        {
            Id = r.Id, ImportKey = r.ImportKey, Text = "", StateUnderReviewIso3 = r.StateUnderReviewIso3, Session = r.Session,
            Cycle = r.Cycle, ReviewDate = r.ReviewDate, Response = r.Response, ActionCategory = r.ActionCategory,
            ActionCategoryOrigin = r.ActionCategoryOrigin, SourceDocument = r.SourceDocument, Paragraph = r.Paragraph, TextKm = r.TextKm,
        }).ToDictionaryAsync(r => r.ImportKey, cancellationToken);
        if (stored.Count == 0) return stored;
        var byId = stored.Values.ToDictionary(r => r.Id);
        await foreach (var issue in db.Set<RecommendationIssue>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            byId[issue.RecommendationId].Issues.Add(issue);
        await foreach (var target in db.Set<RecommendationSdgTarget>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            byId[target.RecommendationId].SdgTargets.Add(target);
        return stored;
    }

    private async Task UpdateAsync(Dictionary<Guid, UprInfoRow> changed, IReadOnlySet<string> fields, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var ids in changed.Keys.Chunk(UpdateBatch))
        {
            var batch = await db.Recommendations.Include(r => r.Issues).Include(r => r.SdgTargets)
                .Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            foreach (var recommendation in batch) Apply(recommendation, changed[recommendation.Id], fields, now);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task InsertAsync(List<Recommendation> batch, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, batch, cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(r => r.RecommendingStates).ToList(), cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(r => r.Issues).ToList(), cancellationToken);
        await BulkInsert.InsertAsync(db, batch.SelectMany(r => r.SdgTargets).ToList(), cancellationToken);
        batch.Clear();
    }

    private static string? RejectionReason(IReadOnlyList<string> recommending, IReadOnlyList<string> sdgTargets, HashSet<string> sdgCodes)
    {
        foreach (var name in recommending)
            if (name.Length > RecommendationConfiguration.StateNameLength)
                return $"The recommending State '{name[..40]}…' is longer than {RecommendationConfiguration.StateNameLength} characters.";
        foreach (var code in sdgTargets)
            if (!sdgCodes.Contains(code))
                return $"'{code}' is not an SDG goal, target or indicator code.";
        return null;
    }

    /// <summary>The file's category, official; without one, the action model's, predicted; nothing while that model is untrained.</summary>
    private (int? Category, CategoryOrigin? Origin) CategoryOf(UprInfoRow row) =>
        row.ActionCategory is { } official ? (official, CategoryOrigin.Official)
        : classifier.PredictAction(row.Text) is { } prediction ? (prediction.Category, CategoryOrigin.Predicted)
        : (null, null);

    private static Recommendation New(UprInfoRow row, string key, string sur, IReadOnlyList<string> recommending, StateNames states,
        (int? Category, CategoryOrigin? Origin) action, DateTime now)
    {
        var recommendation = new Recommendation
        {
            ImportKey = key,
            Text = row.Text,
            TextKm = row.TextKm,
            StateUnderReviewIso3 = sur,
            Session = row.Session,
            Cycle = row.Cycle,
            ReviewDate = row.ReviewDate,
            Response = ParseResponse(row.Response),
            ActionCategory = action.Category,
            ActionCategoryOrigin = action.Origin,
            SourceDocument = row.SourceDocument,
            Paragraph = row.Paragraph,
            RecommendingStates = new(recommending.Count),
            Issues = new(row.Issues.Count),
            SdgTargets = new(row.SdgTargets.Count),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var id = recommendation.Id;
        foreach (var name in recommending)
            recommendation.RecommendingStates.Add(new RecommendingState { RecommendationId = id, Name = name, CountryIso3 = states.Iso3(name) });
        foreach (var issue in row.Issues.Distinct())
            recommendation.Issues.Add(new RecommendationIssue { RecommendationId = id, Issue = issue });
        foreach (var code in row.SdgTargets.Distinct())
            recommendation.SdgTargets.Add(new RecommendationSdgTarget { RecommendationId = id, SdgCode = code });
        return recommendation;
    }

    /// <summary>
    /// Fields the file has overwrite the stored ones: response and issues even when empty (as UPR Info's
    /// corrections do); action category, date, source, paragraph and Khmer text only when given. A stored row
    /// with no category at all gets the predicted one.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    private bool Apply(Recommendation current, UprInfoRow row, IReadOnlySet<string> fields, DateTime now)
    {
        var changed = false;
        void Set<T>(T value, T stored, Action<T> store)
        {
            if (EqualityComparer<T>.Default.Equals(value, stored)) return;
            store(value);
            changed = true;
        }

        if (fields.Contains("response")) Set(ParseResponse(row.Response), current.Response, v => current.Response = v);
        Set(row.Cycle, current.Cycle, v => current.Cycle = v);
        if (current.ActionCategory is null || row.ActionCategory is not null)
        {
            var (category, origin) = CategoryOf(row);
            if (category is not null && (current.ActionCategory != category || current.ActionCategoryOrigin != origin))
            {
                current.ActionCategory = category;
                current.ActionCategoryOrigin = origin;
                changed = true;
            }
        }
        if (row.ReviewDate is { } date) Set<DateTime?>(date, current.ReviewDate, v => current.ReviewDate = v);
        if (row.SourceDocument is { } source) Set(source, current.SourceDocument, v => current.SourceDocument = v);
        if (row.Paragraph is { } paragraph) Set(paragraph, current.Paragraph, v => current.Paragraph = v);
        if (row.TextKm is { } textKm) Set(textKm, current.TextKm, v => current.TextKm = v);
        if (fields.Contains("issues"))
        {
            var issues = row.Issues.ToHashSet();
            if (!issues.SetEquals(current.Issues.Select(i => i.Issue)))
            {
                current.Issues.RemoveAll(i => !issues.Contains(i.Issue));
                current.Issues.AddRange(issues.Except(current.Issues.Select(i => i.Issue)).Select(i => new RecommendationIssue { Issue = i }));
                changed = true;
            }
        }
        if (fields.Contains("sdgs"))
        {
            var codes = row.SdgTargets.ToHashSet();
            if (!codes.SetEquals(current.SdgTargets.Select(t => t.SdgCode)))
            {
                current.SdgTargets.RemoveAll(t => !codes.Contains(t.SdgCode));
                current.SdgTargets.AddRange(codes.Except(current.SdgTargets.Select(t => t.SdgCode)).Select(c => new RecommendationSdgTarget { SdgCode = c }));
                changed = true;
            }
        }
        if (changed) current.UpdatedAt = now;
        return changed;
    }

    private static RecommendationResponse ParseResponse(string response) =>
        Enum.TryParse<RecommendationResponse>(response, out var parsed) ? parsed : RecommendationResponse.Pending;
}
