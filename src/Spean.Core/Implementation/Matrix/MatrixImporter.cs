using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;

namespace Spean.Core.Implementation.Matrix;

/// <param name="State">The State under Review (name or ISO3) when the document does not say it.</param>
public sealed record MatrixImportRequest(string FileName, string? State = null, int? Session = null, int? Cycle = null, bool DryRun = false);

public sealed record MatrixReviewUsed(
    string StateIso3, string StateName, ReviewOrigin StateFrom, int Session, ReviewOrigin SessionFrom, int Cycle, ReviewOrigin CycleFrom);

/// <param name="Read">Recommendations read from the document (refused rows not counted).</param>
/// <param name="Enriched">Recommendations already stored (from UPR Info, an earlier import or by hand) that the matrix completed or corrected.</param>
/// <param name="Predicted">New or enriched recommendations that got a predicted action category or predicted issues.</param>
/// <param name="UnknownStates">Recommending States matching no country: kept as written, worth a look.</param>
public sealed record MatrixImportReport(
    MatrixReviewUsed Review, int Read, int Created, int Enriched, int Unchanged, int Predicted,
    IReadOnlyList<MatrixRefusal> Refused, IReadOnlyList<string> UnknownStates, bool DryRun);

/// <summary>
/// Imports an OHCHR matrix: the first machine-readable form of a new UPR cycle. A recommendation is known again by
/// State under Review, session, recommending States and text (ignoring case, spacing and punctuation), so a second
/// import changes nothing and a recommendation UPR Info already gave is completed (position, its source, OHCHR
/// themes, affected persons, SDGs), never duplicated. New rows get the models' action category and issues, marked predicted.
/// </summary>
public sealed partial class MatrixImporter(SpeanDbContext db, AuditActor actor, AuditTrail audit, RecommendationClassifier classifier, TimeProvider clock)
{
    /// <summary>OHCHR's matrices are under 1 MB; ten leaves room for embedded images without letting a zip bomb in.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public async Task<Outcome<MatrixImportReport>> ImportAsync(
        Stream file, MatrixImportRequest request, CancellationToken cancellationToken = default)
    {
        var states = await StateNames.LoadAsync(db, cancellationToken);
        var read = MatrixReader.Read(file, name => Iso3(states, name) is not null);
        if (read.Refusal is { } unreadable) return unreadable;
        var document = read.Value!;
        var codes = await db.Countries.Select(c => c.Iso3).ToHashSetAsync(cancellationToken);
        var resolved = Resolve(document.Review, MatrixTitle.FromFileName(request.FileName), request, states, codes);
        if (resolved.Refusal is { } unresolved) return unresolved;
        var review = resolved.Value!;

        var refused = document.Refused.ToList();
        var stored = await db.Recommendations
            .Include(r => r.RecommendingStates).Include(r => r.Issues).Include(r => r.SdgTargets)
            .Include(r => r.OhchrThemes).Include(r => r.AffectedPersons).AsSplitQuery()
            .Where(r => r.StateUnderReviewIso3 == review.StateIso3 && r.Session == review.Session)
            .ToListAsync(cancellationToken);
        var byKey = stored.GroupBy(r => MatchKey(r.RecommendingStates.Select(s => s.CountryIso3 ?? s.Name), r.Text))
            .ToDictionary(g => g.Key, g => g.First());
        var byText = stored.ToLookup(r => MatrixText.Normalise(r.Text));
        var sdgGoals = await db.SdgItems.Where(s => s.Level == Taxonomies.SdgLevel.Goal).Select(s => s.Code).ToHashSetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int created = 0, enriched = 0, unchanged = 0, predicted = 0;
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var matched = new HashSet<Guid>();

        actor.SuppressRowAudit = true;
        try
        {
            foreach (var row in document.Rows)
            {
                if (Invalid(row) is { } reason)
                {
                    refused.Add(new MatrixRefusal(row.Paragraph, MatrixRowProblem.TooLong, reason));
                    continue;
                }
                var recommending = row.RecommendingStates.Select(name => (Name: name, Iso3: Iso3(states, name))).ToList();
                foreach (var (name, iso3) in recommending)
                    if (iso3 is null) unknown.Add(name);
                var existing = byKey.GetValueOrDefault(MatchKey(recommending.Select(s => s.Iso3 ?? s.Name), row.Text))
                    ?? SplitElsewhere(byText[MatrixText.Normalise(row.Text)], recommending.Select(s => s.Iso3 ?? s.Name));
                if (existing is not null)
                {
                    if (!matched.Add(existing.Id))
                    {
                        refused.Add(new MatrixRefusal(row.Paragraph, MatrixRowProblem.DuplicateRecommendation, "The same recommendation as an earlier paragraph of this matrix; skipped."));
                        continue;
                    }
                    var (changed, guessed) = Enrich(existing, row, sdgGoals, now);
                    if (changed) enriched++;
                    else unchanged++;
                    if (guessed) predicted++;
                    continue;
                }
                var recommendation = New(row, review, recommending, sdgGoals, now);
                created++;
                if (recommendation.ActionCategoryOrigin == CategoryOrigin.Predicted || recommendation.IssuesOrigin == CategoryOrigin.Predicted) predicted++;
                db.Recommendations.Add(recommendation);
                byKey[MatchKey(recommending.Select(s => s.Iso3 ?? s.Name), row.Text)] = recommendation;
                matched.Add(recommendation.Id);
            }
            if (!request.DryRun && created + enriched > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                await audit.RecordAsync(AuditAction.Created, string.Create(CultureInfo.InvariantCulture,
                    $"OHCHR matrix imported for {review.StateIso3}, session {review.Session}: {created} new, {enriched} enriched"),
                    cancellationToken: cancellationToken);
            }
        }
        finally
        {
            actor.SuppressRowAudit = false;
            if (request.DryRun) db.ChangeTracker.Clear();
        }
        return new MatrixImportReport(review, document.Rows.Count, created, enriched, unchanged, predicted,
            refused.OrderBy(r => r.Paragraph, ParagraphOrder.Instance).ToList(), [.. unknown], request.DryRun);
    }

    /// <summary>UN short names adopted after UPR Info's data (sessions 1-18) that the shipped names do not hold yet.</summary>
    private static readonly Dictionary<string, string> RenamedSince = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Türkiye"] = "TUR", ["Turkiye"] = "TUR", ["North Macedonia"] = "MKD", ["Cabo Verde"] = "CPV", ["Czechia"] = "CZE",
        ["Eswatini"] = "SWZ", ["Côte d’Ivoire"] = "CIV",
    };

    /// <summary>A State as UN documents write it: "Türkiye", or "Bolivia (Plurinational State of)" for "Plurinational State of Bolivia".</summary>
    public static string? Iso3(StateNames states, string name)
    {
        if ((states.Iso3(name) ?? RenamedSince.GetValueOrDefault(name.Trim())) is { } iso3) return iso3;
        var match = QualifiedName().Match(name.Trim());
        if (!match.Success) return null;
        var (shortName, qualifier) = (match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim());
        return states.Iso3($"{qualifier} {shortName}") ?? states.Iso3($"{shortName}, {qualifier}") ?? states.Iso3(shortName);
    }

    private static Outcome<MatrixReviewUsed> Resolve(MatrixReview fromDocument, MatrixReview fromFileName, MatrixImportRequest request, StateNames states,
        HashSet<string> codes)
    {
        static (T? Value, ReviewOrigin From) Pick<T>(T? document, T? fileName, T? option) where T : struct =>
            document is not null ? (document, ReviewOrigin.Document) : fileName is not null ? (fileName, ReviewOrigin.FileName) : (option, ReviewOrigin.Option);

        var (stateName, stateFrom) = fromDocument.State is { } d ? (d, ReviewOrigin.Document)
            : fromFileName.State is { } f && Iso3(states, f) is not null ? (f, ReviewOrigin.FileName)
            : (request.State, ReviewOrigin.Option);
        string? Code(string name) => name.Length == 3 && codes.Contains(name.ToUpperInvariant()) ? name.ToUpperInvariant() : Iso3(states, name);
        var iso3 = stateName is null ? null : Code(stateName);
        if (stateName is null)
            return new Refusal(MatrixProblem.StateMissing, "The document does not name the State under Review: give it (--state, or the State field).");
        if (iso3 is null)
            return new Refusal(MatrixProblem.StateUnknown, $"'{stateName}' is not a State Spean knows: give the State under Review by its ISO code (e.g. SVN).", stateName);
        if (request.State is { } givenState && stateFrom != ReviewOrigin.Option
            && !string.Equals(Code(givenState), iso3, StringComparison.Ordinal))
            return new Refusal(MatrixProblem.OptionContradictsDocument,
                $"The document is about {stateName}, not {givenState}: leave the State out or upload the right matrix.", stateName, givenState);

        var (session, sessionFrom) = Pick(fromDocument.Session, fromFileName.Session, request.Session);
        if (session is not { } s || s is < 1 or > 200)
            return new Refusal(MatrixProblem.SessionUnknown, "The document does not say its UPR session: give it (--session, or the Session field).");
        if (request.Session is { } givenSession && sessionFrom != ReviewOrigin.Option && givenSession != s)
            return new Refusal(MatrixProblem.OptionContradictsDocument,
                $"The document is of session {s}, not {givenSession}: leave the session out or upload the right matrix.", s, givenSession);

        var (cycle, cycleFrom) = fromDocument.Cycle is { } c ? (c, ReviewOrigin.Document)
            : request.Cycle is { } given ? (given, ReviewOrigin.Option)
            : (MatrixTitle.CycleOfSession(s), ReviewOrigin.Session);
        if (cycle is < 1 or > 20)
            return new Refusal(MatrixProblem.CycleUnknown, "The cycle is a number from 1 (e.g. 4 for the fourth cycle).");
        if (request.Cycle is { } givenCycle && cycleFrom == ReviewOrigin.Document && givenCycle != cycle)
            return new Refusal(MatrixProblem.OptionContradictsDocument,
                $"The document is of cycle {cycle}, not {givenCycle}: leave the cycle out or upload the right matrix.", cycle, givenCycle);
        return new MatrixReviewUsed(iso3, stateName, stateFrom, s, sessionFrom, cycle, cycleFrom);
    }

    private static string? Invalid(MatrixRow row)
    {
        if (row.Paragraph.Length > RecommendationConfiguration.ParagraphLength) return "The paragraph number is too long.";
        if (row.Text.Length > RecommendationClassifier.MaxTextLength)
            return $"The recommendation has more than {RecommendationClassifier.MaxTextLength} characters: several rows may have run together.";
        if (row.RecommendingStates.FirstOrDefault(s => s.Length > RecommendationConfiguration.StateNameLength) is { } state)
            return $"The recommending State '{state[..40]}…' is longer than {RecommendationConfiguration.StateNameLength} characters.";
        if (row.Themes.Concat(row.AffectedPersons).FirstOrDefault(t => t.Length > RecommendationConfiguration.ThemeLength) is { } theme)
            return $"The theme or group '{theme[..40]}…' is longer than {RecommendationConfiguration.ThemeLength} characters.";
        if (row.PositionSource is { Length: > RecommendationConfiguration.SourceDocumentLength })
            return "The source of the position is too long.";
        return null;
    }

    private Recommendation New(MatrixRow row, MatrixReviewUsed review, List<(string Name, string? Iso3)> recommending, HashSet<string> sdgGoals, DateTime now)
    {
        var action = classifier.PredictAction(row.Text);
        var issues = classifier.Predict(row.Text)?.Issues.Select(i => i.Issue).Distinct().ToList() ?? [];
        var recommendation = new Recommendation
        {
            ImportKey = RecommendationImporter.ImportKey(review.StateIso3, review.Session, string.Join("; ", row.RecommendingStates), row.Text),
            Text = row.Text,
            StateUnderReviewIso3 = review.StateIso3,
            Session = review.Session,
            Cycle = review.Cycle,
            Response = row.Response,
            ActionCategory = action?.Category,
            ActionCategoryOrigin = action is null ? null : CategoryOrigin.Predicted,
            IssuesOrigin = issues.Count > 0 ? CategoryOrigin.Predicted : null,
            Paragraph = row.Paragraph,
            PositionSource = row.PositionSource,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var id = recommendation.Id;
        recommendation.RecommendingStates.AddRange(recommending.Select(s => new RecommendingState { RecommendationId = id, Name = s.Name, CountryIso3 = s.Iso3 }));
        recommendation.Issues.AddRange(issues.Select(i => new RecommendationIssue { RecommendationId = id, Issue = i }));
        recommendation.OhchrThemes.AddRange(row.Themes.Distinct(StringComparer.Ordinal).Select(t => new RecommendationTheme { RecommendationId = id, Theme = t }));
        recommendation.AffectedPersons.AddRange(row.AffectedPersons.Distinct(StringComparer.Ordinal).Select(a => new RecommendationAffectedPerson { RecommendationId = id, Group = a }));
        recommendation.SdgTargets.AddRange(Goals(row, sdgGoals).Select(g => new RecommendationSdgTarget { RecommendationId = id, SdgCode = g }));
        return recommendation;
    }

    /// <summary>
    /// The matrix is the official word on the position and its source, the OHCHR themes and affected persons; SDG goals
    /// are added to the targets UPR Info gave; a stored category or issues are never replaced, only filled when missing.
    /// </summary>
    /// <returns>Whether anything changed, and whether a prediction was filled in.</returns>
    private (bool Changed, bool Predicted) Enrich(Recommendation current, MatrixRow row, HashSet<string> sdgGoals, DateTime now)
    {
        var changed = false;
        var predicted = false;
        if (row.Response != RecommendationResponse.Pending && current.Response != row.Response)
        {
            current.Response = row.Response;
            changed = true;
        }
        if (row.PositionSource is { } source && current.PositionSource != source)
        {
            current.PositionSource = source;
            changed = true;
        }
        if (current.Paragraph is null)
        {
            current.Paragraph = row.Paragraph;
            changed = true;
        }
        changed |= Replace(current.OhchrThemes, t => t.Theme, row.Themes, t => new RecommendationTheme { RecommendationId = current.Id, Theme = t });
        changed |= Replace(current.AffectedPersons, a => a.Group, row.AffectedPersons,
            a => new RecommendationAffectedPerson { RecommendationId = current.Id, Group = a });
        foreach (var goal in Goals(row, sdgGoals).Where(g => current.SdgTargets.All(t => t.SdgCode != g)))
        {
            current.SdgTargets.Add(new RecommendationSdgTarget { RecommendationId = current.Id, SdgCode = goal });
            changed = true;
        }
        if (current.ActionCategory is null && classifier.PredictAction(current.Text) is { } action)
        {
            (current.ActionCategory, current.ActionCategoryOrigin) = (action.Category, CategoryOrigin.Predicted);
            changed = predicted = true;
        }
        if (current.Issues.Count == 0 && classifier.Predict(current.Text) is { Issues.Count: > 0 } prediction)
        {
            current.Issues.AddRange(prediction.Issues.Select(i => i.Issue).Distinct()
                .Select(i => new RecommendationIssue { RecommendationId = current.Id, Issue = i }));
            current.IssuesOrigin = CategoryOrigin.Predicted;
            changed = predicted = true;
        }
        if (changed) current.UpdatedAt = now;
        return (changed, predicted);
    }

    private static bool Replace<T>(List<T> stored, Func<T, string> value, IReadOnlyList<string> incoming, Func<string, T> create)
    {
        var wanted = incoming.ToHashSet(StringComparer.Ordinal);
        if (wanted.SetEquals(stored.Select(value))) return false;
        stored.RemoveAll(s => !wanted.Contains(value(s)));
        stored.AddRange(wanted.Except(stored.Select(value)).Select(create));
        return true;
    }

    private static IEnumerable<string> Goals(MatrixRow row, HashSet<string> sdgGoals) =>
        row.SdgGoals.Select(g => g.ToString(CultureInfo.InvariantCulture)).Where(sdgGoals.Contains).Distinct();

    private static string MatchKey(IEnumerable<string> recommending, string text) =>
        string.Join('|', recommending.Select(s => s.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)) + "#" + MatrixText.Normalise(text);

    /// <summary>
    /// A stored recommendation with the same text made by some of the matrix row's States: UPR Info lists a joint
    /// recommendation once per State at times. Only a single such row is taken, so nothing is merged by guess.
    /// </summary>
    private static Recommendation? SplitElsewhere(IEnumerable<Recommendation> sameText, IEnumerable<string> recommending)
    {
        var wanted = recommending.Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var candidates = sameText.Where(r => r.RecommendingStates.Count > 0
            && r.RecommendingStates.All(s => wanted.Contains((s.CountryIso3 ?? s.Name).ToUpperInvariant()))).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    [GeneratedRegex(@"^(.+?)\s*\((.+)\)$")]
    private static partial Regex QualifiedName();

    /// <summary>"116.2" before "116.10"; a refusal without a number ("row 7") after the numbered ones.</summary>
    private sealed class ParagraphOrder : IComparer<string>
    {
        public static readonly ParagraphOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Parts(x);
            var b = Parts(y);
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
                if (a[i] != b[i]) return a[i].CompareTo(b[i]);
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(x, y);
        }

        private static int[] Parts(string? paragraph) =>
            paragraph is not null && MatrixText.ParagraphNumber(paragraph) is { } numbered
                ? numbered.Number.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray()
                : [int.MaxValue];
    }
}
