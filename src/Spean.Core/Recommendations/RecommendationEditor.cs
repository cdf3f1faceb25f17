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

public enum RecommendationInputProblem
{
    NotFound,
    TextMissing,
    UnknownStateUnderReview,
    NoRecommendingState,
    SessionOutOfRange,
    UnknownResponse,
    UnknownIssue,
    ActionCategoryOutOfRange,
    AlreadyRecommended,
}

/// <summary>Adds, edits and deletes recommendations through the app, and keeps the search index in step with each change.</summary>
public sealed class RecommendationEditor(SpeanDbContext db, RecommendationSearch search, RecommendationClassifier classifier, TimeProvider clock)
{
    /// <returns>The recommendation saved, or the refusals, one per field at fault.</returns>
    public async Task<Outcome<Recommendation>> CreateAsync(RecommendationInput input, CancellationToken cancellationToken = default)
    {
        var validated = await ValidateAsync(input, cancellationToken);
        if (validated.Refused) return Outcome.Refuse<Recommendation>(validated.Refusals);
        var valid = validated.Value;
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
            return Refuse("text", RecommendationInputProblem.AlreadyRecommended,
                "This State under Review already has this recommendation from the same State in this session.");
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        await search.RecordChangeAsync(db, recommendation.Id, cancellationToken);
        return recommendation;
    }

    /// <returns>The recommendation saved, or the refusals (<see cref="RecommendationInputProblem.NotFound"/> when there is no such recommendation).</returns>
    public async Task<Outcome<Recommendation>> UpdateAsync(Guid id, RecommendationInput input, CancellationToken cancellationToken = default)
    {
        var recommendation = await db.Recommendations.Include(r => r.RecommendingStates).Include(r => r.Issues).Include(r => r.SdgTargets)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recommendation is null) return Refuse("id", RecommendationInputProblem.NotFound, $"There is no recommendation with the id {id}.", id);
        var validated = await ValidateAsync(input, cancellationToken);
        if (validated.Refused) return Outcome.Refuse<Recommendation>(validated.Refusals);
        var valid = validated.Value;
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
        return recommendation;
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

    private async Task<Outcome<Valid>> ValidateAsync(RecommendationInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldRefusals();
        void Fail(string field, RecommendationInputProblem problem, string message, params object[] arguments) => errors.Add(field, problem, message, arguments);
        if (string.IsNullOrWhiteSpace(input.Text)) Fail("text", RecommendationInputProblem.TextMissing, "Write the recommendation's text.");
        var names = await StateNames.LoadAsync(db, cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        // A State may be typed by name ("Viet Nam") or by code ("VNM"); a code is stored under the country's name.
        string? Iso3(string? typed) => typed is null ? null
            : countries.ContainsKey(typed.Trim()) ? typed.Trim().ToUpperInvariant() : names.Iso3(typed);
        var sur = Iso3(input.StateUnderReview);
        if (sur is null)
            Fail("stateUnderReview", RecommendationInputProblem.UnknownStateUnderReview,
                $"'{input.StateUnderReview}' is not a State Spean knows; use its name or ISO3 code (KHM).", input.StateUnderReview ?? "");
        var states = (input.RecommendingStates ?? []).Select(s => s.Trim()).Where(s => s.Length > 0)
            .Select(s => Iso3(s) is { } iso3 ? new RecommendingState { Name = countries.GetValueOrDefault(s) ?? s, CountryIso3 = iso3 }
                : new RecommendingState { Name = s })
            .DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (states.Count == 0) Fail("recommendingStates", RecommendationInputProblem.NoRecommendingState, "Name at least one recommending State.");
        if (input.Session is < 1 or > 200) Fail("session", RecommendationInputProblem.SessionOutOfRange, "The session is a number from 1 to 200.");
        if (!EnumNames.TryParse<RecommendationResponse>(input.Response ?? nameof(RecommendationResponse.Pending), out var response))
            Fail("response", RecommendationInputProblem.UnknownResponse, "The response is Supported, Noted or Pending.");
        if ((input.Issues ?? []).Select(i => i.Trim()).FirstOrDefault(i => i.Length > 0 && !IssueThesaurus.Shipped.Contains(i)) is { } unknown)
            Fail("issues", RecommendationInputProblem.UnknownIssue,
                $"'{unknown}' is not one of UPR Info's issues; GET /api/v1/recommendations/issues lists them.", unknown);
        if (input.ActionCategory is < 1 or > 5)
            Fail("actionCategory", RecommendationInputProblem.ActionCategoryOutOfRange, "The action category is 1 to 5, or empty.");
        if (errors.Count > 0) return Outcome.Refuse<Valid>(errors.All);
        return new Valid(sur!, states, input.Cycle ?? UprInfoCsv.CycleOf(input.Session), response);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Refusal Refuse(string field, RecommendationInputProblem problem, string message, params object[] arguments) =>
        new(problem, message, arguments) { Field = field };

    private sealed record Valid(string Sur, List<RecommendingState> States, int Cycle, RecommendationResponse Response);
}
