using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Recommendations.Classification;

namespace Spean.Core.Recommendations;

/// <summary>What a coordinator types for a recommendation: a new cycle's, or a correction of an imported one.</summary>
/// <param name="RecommendingStates">Names or ISO3 codes; several for a joint recommendation.</param>
/// <param name="ActionCategory">1–5 as the official sources give it; left empty, Spean stores its prediction, marked predicted.</param>
public sealed record RecommendationInput(
    string? Text, string? StateUnderReview, IReadOnlyList<string>? RecommendingStates, int Session, int? Cycle,
    string? Response, int? ActionCategory = null, string? TextKm = null, string? Notes = null, DateTime? ReviewDate = null,
    IReadOnlyList<string>? Issues = null, IReadOnlyList<string>? SdgTargets = null, string? SourceDocument = null, string? Paragraph = null);

/// <summary>Adds, edits and deletes recommendations through the app, and keeps the search index in step with each change.</summary>
public sealed class RecommendationEditor(SpeanDbContext db, RecommendationSearch search, RecommendationClassifier classifier, TimeProvider clock)
{
    public async Task<(Recommendation? Saved, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(
        RecommendationInput input, CancellationToken cancellationToken = default)
    {
        var (valid, errors) = await ValidateAsync(input, cancellationToken);
        if (valid is null) return (null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var recommendation = new Recommendation
        {
            ImportKey = RecommendationImporter.ImportKey(valid.Sur, input.Session, string.Join("; ", valid.States.Select(s => s.Name)), input.Text!),
            Text = input.Text!.Trim(),
            StateUnderReviewIso3 = valid.Sur,
            Session = input.Session,
            Cycle = valid.Cycle,
            CreatedAt = now,
        };
        Apply(recommendation, input, valid, now);
        if (await db.Recommendations.AnyAsync(r => r.ImportKey == recommendation.ImportKey, cancellationToken))
            return (null, Error("text", "This State under Review already has this recommendation from the same State in this session."));
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        await search.RecordChangeAsync(db, recommendation.Id, cancellationToken);
        return (recommendation, Empty);
    }

    /// <returns>Null with no errors when there is no such recommendation.</returns>
    public async Task<(Recommendation? Saved, IReadOnlyDictionary<string, string[]> Errors)> UpdateAsync(
        Guid id, RecommendationInput input, CancellationToken cancellationToken = default)
    {
        var recommendation = await db.Recommendations.Include(r => r.RecommendingStates).Include(r => r.Issues).Include(r => r.SdgTargets)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recommendation is null) return (null, Empty);
        var (valid, errors) = await ValidateAsync(input, cancellationToken);
        if (valid is null) return (null, errors);
        recommendation.Text = input.Text!.Trim();
        recommendation.StateUnderReviewIso3 = valid.Sur;
        recommendation.Session = input.Session;
        recommendation.Cycle = valid.Cycle;
        recommendation.RecommendingStates.Clear();
        recommendation.Issues.Clear();
        recommendation.SdgTargets.Clear();
        Apply(recommendation, input, valid, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await search.RecordChangeAsync(db, id, cancellationToken);
        return (recommendation, Empty);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var recommendation = await db.Recommendations.FindAsync([id], cancellationToken);
        if (recommendation is null) return false;
        db.Recommendations.Remove(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        await search.RecordChangeAsync(db, id, cancellationToken);
        return true;
    }

    private void Apply(Recommendation r, RecommendationInput input, Valid valid, DateTime now)
    {
        r.TextKm = Blank(input.TextKm);
        r.Notes = Blank(input.Notes);
        r.ReviewDate = input.ReviewDate is { } date ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : null;
        r.Response = valid.Response;
        // While the action model is still training at start-up the category stays empty rather than wait.
        var predicted = input.ActionCategory is null ? classifier.PredictAction(r.Text)?.Category : null;
        r.ActionCategory = input.ActionCategory ?? predicted;
        r.ActionCategoryOrigin = input.ActionCategory is not null ? CategoryOrigin.Official : predicted is not null ? CategoryOrigin.Predicted : null;
        r.SourceDocument = Blank(input.SourceDocument);
        r.Paragraph = Blank(input.Paragraph);
        r.RecommendingStates.AddRange(valid.States);
        r.Issues.AddRange((input.Issues ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().Select(i => new RecommendationIssue { Issue = i }));
        r.SdgTargets.AddRange((input.SdgTargets ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct()
            .Select(s => new RecommendationSdgTarget { SdgCode = s }));
        r.UpdatedAt = now;
    }

    private async Task<(Valid? Valid, IReadOnlyDictionary<string, string[]> Errors)> ValidateAsync(RecommendationInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Text)) errors["text"] = ["Write the recommendation's text."];
        var names = await StateNames.LoadAsync(db, cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        // A State may be typed by name ("Viet Nam") or by code ("VNM"); a code is stored under the country's name.
        string? Iso3(string? typed) => typed is null ? null
            : countries.ContainsKey(typed.Trim()) ? typed.Trim().ToUpperInvariant() : names.Iso3(typed);
        var sur = Iso3(input.StateUnderReview);
        if (sur is null) errors["stateUnderReview"] = [$"'{input.StateUnderReview}' is not a State Spean knows; use its name or ISO3 code (KHM)."];
        var states = (input.RecommendingStates ?? []).Select(s => s.Trim()).Where(s => s.Length > 0)
            .Select(s => Iso3(s) is { } iso3 ? new RecommendingState { Name = countries.GetValueOrDefault(s) ?? s, CountryIso3 = iso3 }
                : new RecommendingState { Name = s })
            .DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (states.Count == 0) errors["recommendingStates"] = ["Name at least one recommending State."];
        if (input.Session is < 1 or > 200) errors["session"] = ["The session is a number from 1 to 200."];
        if (!EnumNames.TryParse<RecommendationResponse>(input.Response ?? nameof(RecommendationResponse.Pending), out var response))
            errors["response"] = ["The response is Supported, Noted or Pending."];
        if ((input.Issues ?? []).Select(i => i.Trim()).FirstOrDefault(i => i.Length > 0 && !IssueThesaurus.Shipped.Contains(i)) is { } unknown)
            errors["issues"] = [$"'{unknown}' is not one of UPR Info's issues; GET /api/v1/recommendations/issues lists them."];
        if (input.ActionCategory is < 1 or > 5) errors["actionCategory"] = ["The action category is 1 to 5, or empty."];
        if (errors.Count > 0) return (null, errors);
        return (new Valid(sur!, states, input.Cycle ?? UprInfoCsv.CycleOf(input.Session), response), Empty);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private sealed record Valid(string Sur, List<RecommendingState> States, int Cycle, RecommendationResponse Response);
}
