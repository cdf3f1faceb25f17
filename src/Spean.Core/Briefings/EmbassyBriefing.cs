using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Implementation;
using Spean.Core.Recommendations;
using Spean.Core.Stakeholders;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Submissions;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Briefings;

/// <summary>
/// Puts together the embassy briefing for the page, the API and print alike. It reads each part through the owning
/// module's own rule — assessments as <see cref="CountingAssessment"/> counts them for this viewer, drafts through
/// <see cref="SubmissionAccess"/>, the embassy and its people through <see cref="StakeholderAccess"/>, engagements
/// through <see cref="EngagementLog"/> — so the briefing shows no more than the viewer's own pages do.
/// </summary>
public sealed class EmbassyBriefing(SpeanDbContext db, StakeholderRegister register, EngagementLog engagements, TimeProvider clock)
{
    public async Task<Outcome<Briefing>> BriefAsync(
        string stateUnderReviewIso3, string recommendingIso3, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!IsIso3(stateUnderReviewIso3))
            return new Refusal(BriefingProblem.MalformedCode, "The State under Review is its three-letter ISO code, such as KHM for Cambodia.") { Field = "sur" };
        if (!IsIso3(recommendingIso3))
            return new Refusal(BriefingProblem.MalformedCode, "The recommending State is its three-letter ISO code, such as FRA for France.") { Field = "recommending" };
        var sur = stateUnderReviewIso3.ToUpperInvariant();
        var recommending = recommendingIso3.ToUpperInvariant();
        if (sur == recommending)
            return new Refusal(BriefingProblem.SameState, "A State does not recommend to itself; choose a different recommending State.") { Field = "recommending" };
        var states = await db.Countries.Where(c => c.Iso3 == sur || c.Iso3 == recommending)
            .Select(c => new BriefingState(c.Iso3, c.Name, c.NameKm)).ToDictionaryAsync(c => c.Iso3, cancellationToken);
        foreach (var (code, field) in new[] { (sur, "sur"), (recommending, "recommending") })
        {
            if (!states.ContainsKey(code))
                return new Refusal(BriefingProblem.UnknownState, $"There is no country with the code {code}; use a three-letter ISO 3166 code, such as KHM or FRA.", code) { Field = field };
        }

        var recommendations = await RecommendationsAsync(sur, recommending, viewer, cancellationToken);
        var issues = recommendations.SelectMany(r => r.Issues).GroupBy(i => i, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var cycles = recommendations.GroupBy(r => r.Cycle).OrderByDescending(g => g.Key).Select(g => new BriefingCycle(
            g.Key, g.Count(r => r.Response == RecommendationResponse.Supported), g.Count(r => r.Response == RecommendationResponse.Noted),
            g.Count(r => r.Response == RecommendationResponse.Pending), [.. g])).ToList();
        var drafts = await DraftsAsync(sur, [.. recommendations.Select(r => r.Id)], issues, viewer, cancellationToken);
        var embassies = await EmbassiesAsync(recommending, viewer, cancellationToken);
        var met = await EngagementsAsync(embassies, viewer, cancellationToken);
        return new Briefing(states[sur], states[recommending], clock.GetUtcNow().UtcDateTime, issues, cycles, drafts, embassies, met);
    }

    public async Task<BriefingChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var countries = await db.Countries.OrderBy(c => c.Name).Select(c => new BriefingState(c.Iso3, c.Name, c.NameKm)).ToListAsync(cancellationToken);
        var reviewed = await db.Recommendations.Select(r => r.StateUnderReviewIso3).Distinct().ToListAsync(cancellationToken);
        var underReview = reviewed.Append("KHM").ToHashSet(StringComparer.Ordinal);
        return new([.. countries.Where(c => underReview.Contains(c.Iso3))], countries);
    }

    private async Task<List<BriefedRecommendation>> RecommendationsAsync(string sur, string recommending, Viewer viewer, CancellationToken cancellationToken)
    {
        var rows = await db.Recommendations
            .Where(r => r.StateUnderReviewIso3 == sur && r.RecommendingStates.Any(s => s.CountryIso3 == recommending))
            .Select(r => new
            {
                r.Id, r.Cycle, r.Session, r.Paragraph, r.Text, r.Response,
                Issues = r.Issues.Select(i => i.Issue).ToList(),
                Themes = r.OhchrThemes.Select(t => t.Theme).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        // Visitors would count only published assessments; the same rule the scorecards and the recommendation page apply.
        var counting = await CountingAssessment.Of(db.Assessments.Where(a => ids.Contains(a.RecommendationId)), viewer.IsAnonymous)
            .Select(a => new { a.RecommendationId, a.Status, a.AsOf, a.Consolidated, a.OrganisationId }).ToListAsync(cancellationToken);
        var organisationIds = counting.Select(a => a.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var assessed = counting.ToDictionary(a => a.RecommendationId,
            a => new BriefedAssessment(a.Status, a.AsOf, a.Consolidated, organisations.GetValueOrDefault(a.OrganisationId) ?? ""));
        return [.. rows.Select(r => new BriefedRecommendation(r.Id, r.Cycle, r.Session, r.Paragraph, r.Text.Trim(), r.Response,
                [.. r.Issues.Concat(r.Themes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], assessed.GetValueOrDefault(r.Id)))
            .OrderByDescending(r => r.Cycle).ThenBy(r => r.Assessment is null).ThenBy(r => r.Paragraph is null)
            .ThenBy(r => r.Paragraph, StringComparer.Ordinal).ThenBy(r => r.Text, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Draft recommendations of submissions on the State under Review that the viewer may see, which cite one of the
    /// recommending State's recommendations or a recommendation on one of its issues.
    /// </summary>
    private async Task<List<CoalitionDraft>> DraftsAsync(
        string sur, HashSet<Guid> recommendationIds, List<string> issues, Viewer viewer, CancellationToken cancellationToken)
    {
        var submissions = await db.Set<Submission>().VisibleTo(viewer).Where(s => s.StateIso3 == sur)
            .Select(s => new { s.Id, s.Title, s.Status, s.CreatedAt }).ToDictionaryAsync(s => s.Id, cancellationToken);
        if (submissions.Count == 0 || (recommendationIds.Count == 0 && issues.Count == 0)) return [];
        var ids = submissions.Keys.ToList();
        var paragraphs = await db.Set<Cluster>().Where(c => ids.Contains(c.SubmissionId))
            .SelectMany(c => c.Paragraphs.Where(p => p.Kind == ParagraphKind.Recommendation), (c, p) => new
            {
                c.SubmissionId, Cluster = c.NameEn, ClusterNumber = c.Number, p.Id, p.Position, p.TextEn, p.TextKm, p.RecommendationIds,
            })
            .ToListAsync(cancellationToken);
        var cited = paragraphs.SelectMany(p => p.RecommendationIds).Distinct().ToList();
        var citedIssues = cited.Count == 0 ? [] : (await db.Recommendations.Where(r => cited.Contains(r.Id))
                .Select(r => new { r.Id, Issues = r.Issues.Select(i => i.Issue).ToList(), Themes = r.OhchrThemes.Select(t => t.Theme).ToList() })
                .AsSplitQuery().ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.Issues.Concat(r.Themes).ToList());
        var wanted = issues.ToHashSet(StringComparer.Ordinal);
        var drafts = new List<(DateTime Created, int Cluster, int Position, CoalitionDraft Draft)>();
        foreach (var p in paragraphs)
        {
            var shared = p.RecommendationIds.SelectMany(id => citedIssues.GetValueOrDefault(id) ?? []).Where(wanted.Contains)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (shared.Count == 0 && !p.RecommendationIds.Any(recommendationIds.Contains)) continue;
            var text = string.IsNullOrWhiteSpace(p.TextEn) ? p.TextKm : p.TextEn;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var submission = submissions[p.SubmissionId];
            drafts.Add((submission.CreatedAt, p.ClusterNumber, p.Position,
                new CoalitionDraft(submission.Id, submission.Title, submission.Status, p.Cluster, p.Id, text.Trim(), shared)));
        }
        return [.. drafts.OrderByDescending(d => d.Created).ThenBy(d => d.Cluster).ThenBy(d => d.Position).Select(d => d.Draft)];
    }

    /// <summary>The recommending State's embassies and missions the viewer may see, with the people now holding a post there whom the viewer may see.</summary>
    private async Task<List<BriefedEmbassy>> EmbassiesAsync(string recommending, Viewer viewer, CancellationToken cancellationToken)
    {
        var embassies = await db.Set<Stakeholder>().VisibleTo(viewer)
            .Where(s => s.Kind == StakeholderKind.Embassy && s.CountryIso3 == recommending)
            .OrderBy(s => s.NameLatin).ThenBy(s => s.Id).AsNoTracking().ToListAsync(cancellationToken);
        if (embassies.Count == 0) return [];
        var embassyIds = embassies.Select(e => e.Id).ToList();
        var positions = await db.Set<Position>().Where(p => embassyIds.Contains(p.OrganisationId) && p.To == null).AsNoTracking().ToListAsync(cancellationToken);
        var personIds = positions.Select(p => p.PersonId).Distinct().ToList();
        var people = personIds.Count == 0 ? [] : await db.Set<Stakeholder>().VisibleTo(viewer).Where(s => personIds.Contains(s.Id))
            .AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        return [.. embassies.Select(e => new BriefedEmbassy(e.Id, e.NameLatin, e.NameKhmer, Contacts(e, viewer),
            [.. positions.Where(p => p.OrganisationId == e.Id && people.ContainsKey(p.PersonId))
                .OrderBy(p => p.From ?? DateOnly.MaxValue).ThenBy(p => p.TitleEn, StringComparer.Ordinal)
                .Select(p => Person(people[p.PersonId], p))]))];

        EmbassyPerson Person(Stakeholder person, Position post) =>
            new(person.Id, person.NameLatin, person.NameKhmer, post.TitleEn, post.From, Contacts(person, viewer));
    }

    /// <summary>Engagements with the embassies or their people that the viewer may see, latest first, each once.</summary>
    private async Task<List<BriefedEngagement>> EngagementsAsync(List<BriefedEmbassy> embassies, Viewer viewer, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<Guid, EngagementView>();
        foreach (var id in embassies.SelectMany(e => e.People.Select(p => p.Id).Prepend(e.Id)).Distinct())
        {
            foreach (var engagement in await engagements.ForStakeholderAsync(id, viewer, cancellationToken))
                seen.TryAdd(engagement.Id, engagement);
        }
        return [.. seen.Values.OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt)
            .Select(e => new BriefedEngagement(e.Id, e.Kind, e.Date, e.Subject, e.Agreed, [.. e.FollowUps.Where(f => !f.Done)]))];
    }

    private ContactDetails? Contacts(Stakeholder stakeholder, Viewer viewer) =>
        StakeholderAccess.CanSeeContacts(stakeholder, viewer) ? register.Reveal(stakeholder) with { Notes = null } : null;

    private static bool IsIso3(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetter);
}
