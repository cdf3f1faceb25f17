using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Recommendations.Search;

namespace Spean.Core.Recommendations;

/// <summary>Turns a recommendation into what the search index holds, adding both sides' regional groups and organisations.</summary>
internal sealed class DocumentMapper(IReadOnlyDictionary<string, string> groups, ILookup<string, string> organisations)
{
    /// <summary>The group a recommending State counts under when it is not in one of the five UN regional groups.</summary>
    public const string Observer = "Observer";

    public static async Task<DocumentMapper> LoadAsync(SpeanDbContext db, CancellationToken cancellationToken)
    {
        var groups = await db.Countries.AsNoTracking().Where(c => c.RegionalGroup != null)
            .ToDictionaryAsync(c => c.Iso3, c => c.RegionalGroup!.Value.ToString(), cancellationToken);
        var memberships = await db.OrganisationMemberships.AsNoTracking().ToListAsync(cancellationToken);
        return new(groups, memberships.ToLookup(m => m.CountryIso3, m => m.OrganisationCode));
    }

    /// <summary>The UN regional group's name (AsiaPacific), or null for a State in none or a recommender that is no country.</summary>
    public string? Group(string? iso3) => iso3 is not null && groups.TryGetValue(iso3, out var group) ? group : null;

    public IEnumerable<string> Organisations(string? iso3) => iso3 is null ? [] : organisations[iso3];

    public RecommendationDocument ToDocument(Recommendation r)
    {
        var recommending = r.RecommendingStates.Select(s => s.CountryIso3).ToList();
        var facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["sur"] = [r.StateUnderReviewIso3],
            ["recommending"] = r.RecommendingStates.Select(s => s.CountryIso3 ?? s.Name).ToList(),
            ["surGroup"] = Group(r.StateUnderReviewIso3) is { } group ? [group] : [],
            ["recommendingGroup"] = recommending.Select(iso3 => Group(iso3) ?? Observer).Distinct().ToList(),
            ["surOrg"] = Organisations(r.StateUnderReviewIso3).ToList(),
            ["recommendingOrg"] = recommending.SelectMany(Organisations).Distinct().ToList(),
            ["session"] = [Number(r.Session)],
            ["cycle"] = [Number(r.Cycle)],
            ["response"] = [r.Response.ToString()],
            ["action"] = r.ActionCategory is { } action ? [Number(action)] : [],
            ["issue"] = r.Issues.Select(i => i.Issue).ToList(),
            ["sdg"] = r.SdgTargets.Select(t => t.SdgCode).ToList(),
            ["theme"] = r.OhchrThemes.Select(t => t.Theme).ToList(),
            ["affected"] = r.AffectedPersons.Select(a => a.Group).ToList(),
        };
        // Notes are searched with the Khmer translation: either may be in either language.
        var translationAndNotes = string.Join('\n', new[] { r.TextKm, r.Notes }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new(r.Id, r.Text, translationAndNotes.Length == 0 ? null : translationAndNotes, r.Session, r.CreatedAt.Ticks, facets);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
