using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations;

public sealed record RecommendationImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRow> Rejected, bool DryRun);

/// <summary>
/// Imports recommendations from UPR Info's export or a mapped CSV. A row is known again by its import key, so
/// importing the same file twice changes nothing, and a corrected file updates only the rows whose fields changed.
/// New rows go in by bulk insert, updates through EF; all in one transaction, with one audit entry.
/// </summary>
public sealed class RecommendationImporter(SpeanDbContext db, AuditActor actor, AuditTrail audit, TimeProvider clock)
{
    private const int UpdateBatch = 1000;

    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_sessions_1-18.csv");

    public async Task<RecommendationImportReport> ImportAsync(
        UprInfoFile file, bool dryRun = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var states = await StateNames.LoadAsync(db, cancellationToken);
        var sdgCodes = file.Fields.Contains("sdgs") ? await db.SdgItems.Select(s => s.Code).ToHashSetAsync(cancellationToken) : [];
        var existing = await db.Recommendations.Select(r => r.ImportKey).ToHashSetAsync(cancellationToken);
        var seen = new Dictionary<string, int>();
        var rejected = file.Rejected.ToList();
        var created = new List<Recommendation>();
        var known = new Dictionary<string, UprInfoRow>();
        var now = clock.GetUtcNow().UtcDateTime;

        for (var i = 0; i < file.Rows.Count; i++)
        {
            if (i % 10_000 == 0) progress?.Report(new ImportProgress("checking rows", i, file.Rows.Count));
            var row = file.Rows[i];
            var sur = states.Iso3(row.StateUnderReview);
            if (sur is null)
            {
                rejected.Add(new RejectedRow(row.Line, $"'{row.StateUnderReview}' is not a State Spean knows (State under Review)."));
                continue;
            }
            var recommending = states.Split(row.RecommendingState);
            if (recommending.FirstOrDefault(n => n.Length > RecommendationConfiguration.StateNameLength) is { } longName)
            {
                rejected.Add(new RejectedRow(row.Line, $"The recommending State '{longName[..40]}…' is longer than {RecommendationConfiguration.StateNameLength} characters."));
                continue;
            }
            if (row.SdgTargets.FirstOrDefault(code => !sdgCodes.Contains(code)) is { } unknownSdg)
            {
                rejected.Add(new RejectedRow(row.Line, $"'{unknownSdg}' is not an SDG goal, target or indicator code."));
                continue;
            }
            var key = ImportKey(sur, row.Session, row.RecommendingState, row.Text);
            if (!seen.TryAdd(key, row.Line))
            {
                rejected.Add(new RejectedRow(row.Line, $"The same recommendation as line {seen[key]}; skipped."));
                continue;
            }
            if (existing.Contains(key)) known.Add(key, row);
            else created.Add(New(row, key, sur, recommending, states, now));
        }

        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        actor.SuppressRowAudit = true;
        int updated;
        try
        {
            updated = await UpdateAsync(known, file.Fields, now, dryRun, progress, cancellationToken);
            if (!dryRun) await InsertAsync(created, progress, cancellationToken);
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        if (transaction is not null)
        {
            if (created.Count + updated > 0)
                await audit.RecordAsync(AuditAction.Created,
                    $"UPR recommendations imported: {created.Count} new, {updated} updated", cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new RecommendationImportReport(created.Count, updated, known.Count - updated, rejected.OrderBy(r => r.Line).ToList(), dryRun);
    }

    public static string ImportKey(string surIso3, int session, string recommendingState, string text)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{surIso3}|{session}|{recommendingState.Trim().ToUpperInvariant()}|{normalised}"));
        return Convert.ToHexStringLower(bytes);
    }

    /// <returns>How many of the known rows changed.</returns>
    private async Task<int> UpdateAsync(Dictionary<string, UprInfoRow> known, IReadOnlySet<string> fields, DateTime now, bool dryRun,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var updated = 0;
        var done = 0;
        foreach (var keys in known.Keys.Chunk(UpdateBatch))
        {
            progress?.Report(new ImportProgress("comparing known recommendations", done, known.Count));
            var batch = await db.Recommendations.Include(r => r.Issues).Include(r => r.SdgTargets).AsSplitQuery()
                .Where(r => keys.Contains(r.ImportKey)).ToListAsync(cancellationToken);
            updated += batch.Count(r => Apply(r, known[r.ImportKey], fields, now));
            if (!dryRun) await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += keys.Length;
        }
        return updated;
    }

    private async Task InsertAsync(List<Recommendation> created, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, created, done => progress?.Report(new ImportProgress("saving recommendations", done, created.Count)), cancellationToken);
        progress?.Report(new ImportProgress("saving States, issues and SDGs", created.Count, created.Count));
        await BulkInsert.InsertAsync(db, created.SelectMany(r => r.RecommendingStates).ToList(), cancellationToken: cancellationToken);
        await BulkInsert.InsertAsync(db, created.SelectMany(r => r.Issues).ToList(), cancellationToken: cancellationToken);
        await BulkInsert.InsertAsync(db, created.SelectMany(r => r.SdgTargets).ToList(), cancellationToken: cancellationToken);
    }

    private static Recommendation New(UprInfoRow row, string key, string sur, IReadOnlyList<string> recommending, StateNames states, DateTime now)
    {
        var id = Guid.CreateVersion7();
        return new()
        {
            Id = id,
            ImportKey = key,
            Text = row.Text,
            TextKm = row.TextKm,
            StateUnderReviewIso3 = sur,
            Session = row.Session,
            Cycle = row.Cycle,
            ReviewDate = row.ReviewDate,
            Response = ParseResponse(row.Response),
            ActionCategory = row.ActionCategory,
            ActionCategoryOrigin = row.ActionCategory is null ? null : CategoryOrigin.Official,
            SourceDocument = row.SourceDocument,
            Paragraph = row.Paragraph,
            RecommendingStates = recommending.Select(name => new RecommendingState { RecommendationId = id, Name = name, CountryIso3 = states.Iso3(name) }).ToList(),
            Issues = row.Issues.Distinct().Select(issue => new RecommendationIssue { RecommendationId = id, Issue = issue }).ToList(),
            SdgTargets = row.SdgTargets.Distinct().Select(code => new RecommendationSdgTarget { RecommendationId = id, SdgCode = code }).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Fields the file has overwrite the stored ones: response and issues even when empty (as UPR Info's
    /// corrections do); action category, date, source, paragraph and Khmer text only when given.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    private static bool Apply(Recommendation current, UprInfoRow row, IReadOnlySet<string> fields, DateTime now)
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
        if (row.ActionCategory is { } category && (current.ActionCategory != category || current.ActionCategoryOrigin != CategoryOrigin.Official))
        {
            current.ActionCategory = category;
            current.ActionCategoryOrigin = CategoryOrigin.Official;
            changed = true;
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
