using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations;

public sealed record RecommendationImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRow> Rejected, bool DryRun);

/// <summary>
/// Imports UPR Info rows. A row is known again by its import key, so importing the same file twice changes
/// nothing, and a corrected file updates only the rows whose response, category or issues changed.
/// </summary>
public sealed class RecommendationImporter(SpeanDbContext db, AuditActor actor, AuditTrail audit, TimeProvider clock)
{
    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_sessions_1-18.csv");

    public async Task<RecommendationImportReport> ImportAsync(
        UprInfoFile file, bool dryRun = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var states = await StateNames.LoadAsync(db, cancellationToken);
        var existing = await db.Recommendations.Include(r => r.Issues).ToDictionaryAsync(r => r.ImportKey, cancellationToken);
        var seen = new Dictionary<string, int>();
        var rejected = file.Rejected.ToList();
        int created = 0, updated = 0, unchanged = 0;
        var now = clock.GetUtcNow().UtcDateTime;

        for (var i = 0; i < file.Rows.Count; i++)
        {
            if (i % 5000 == 0) progress?.Report(new ImportProgress("recommendations", i, file.Rows.Count));
            var row = file.Rows[i];
            var sur = states.Iso3(row.StateUnderReview);
            if (sur is null)
            {
                rejected.Add(new RejectedRow(row.Line, $"'{row.StateUnderReview}' is not a State Spean knows (To)."));
                continue;
            }
            var key = ImportKey(sur, row.Session, row.RecommendingState, row.Text);
            if (!seen.TryAdd(key, row.Line))
            {
                rejected.Add(new RejectedRow(row.Line, $"The same recommendation as line {seen[key]}; skipped."));
                continue;
            }
            if (existing.TryGetValue(key, out var current))
            {
                if (Apply(current, row, now)) updated++;
                else unchanged++;
                continue;
            }
            var recommendation = New(row, key, sur, states.Iso3(row.RecommendingState), now);
            db.Recommendations.Add(recommendation);
            created++;
        }
        progress?.Report(new ImportProgress("saving", file.Rows.Count, file.Rows.Count));
        if (!dryRun) await SaveAsync(created, updated, cancellationToken);
        db.ChangeTracker.Clear();
        return new RecommendationImportReport(created, updated, unchanged, rejected.OrderBy(r => r.Line).ToList(), dryRun);
    }

    public static string ImportKey(string surIso3, int session, string recommendingState, string text)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{surIso3}|{session}|{recommendingState.Trim().ToUpperInvariant()}|{normalised}"));
        return Convert.ToHexStringLower(bytes);
    }

    private async Task SaveAsync(int created, int updated, CancellationToken cancellationToken)
    {
        actor.SuppressRowAudit = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        await audit.RecordAsync(AuditAction.Created, $"UPR recommendations imported: {created} new, {updated} updated", cancellationToken: cancellationToken);
    }

    private static Recommendation New(UprInfoRow row, string key, string sur, string? recommendingIso3, DateTime now) => new()
    {
        ImportKey = key,
        Text = row.Text,
        StateUnderReviewIso3 = sur,
        Session = row.Session,
        Cycle = row.Cycle,
        Response = ParseResponse(row.Response),
        ActionCategory = row.ActionCategory,
        ActionCategoryOrigin = row.ActionCategory is null ? null : CategoryOrigin.Official,
        RecommendingStates = row.RecommendingState.Length == 0 ? [] : [new RecommendingState { Name = row.RecommendingState, CountryIso3 = recommendingIso3 }],
        Issues = row.Issues.Distinct().Select(issue => new RecommendationIssue { Issue = issue }).ToList(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <returns>Whether anything changed.</returns>
    private static bool Apply(Recommendation current, UprInfoRow row, DateTime now)
    {
        var changed = false;
        var response = ParseResponse(row.Response);
        if (current.Response != response) { current.Response = response; changed = true; }
        if (current.Cycle != row.Cycle) { current.Cycle = row.Cycle; changed = true; }
        if (row.ActionCategory is { } category && (current.ActionCategory != category || current.ActionCategoryOrigin != CategoryOrigin.Official))
        {
            current.ActionCategory = category;
            current.ActionCategoryOrigin = CategoryOrigin.Official;
            changed = true;
        }
        var issues = row.Issues.Distinct().ToHashSet();
        if (!issues.SetEquals(current.Issues.Select(i => i.Issue)))
        {
            current.Issues.RemoveAll(i => !issues.Contains(i.Issue));
            current.Issues.AddRange(issues.Except(current.Issues.Select(i => i.Issue)).Select(i => new RecommendationIssue { Issue = i }));
            changed = true;
        }
        if (changed) current.UpdatedAt = now;
        return changed;
    }

    private static RecommendationResponse ParseResponse(string response) =>
        Enum.TryParse<RecommendationResponse>(response, out var parsed) ? parsed : RecommendationResponse.Pending;
}
