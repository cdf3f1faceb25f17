using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Recommendations.Recurrence;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations.Detail;

/// <summary>A State as reference data knows it; a recommender that matches no country (an observer) has only its name.</summary>
public sealed record StateProfile(string Name, string? Iso3, RegionalGroup? RegionalGroup, IReadOnlyList<IntergovernmentalOrganisation> Organisations);

public sealed record SdgTargetTitle(string Code, string TitleEn, string TitleKm);

public sealed record RecommendationDetail(
    Guid Id, string Text, string? TextKm, string? Notes,
    StateProfile StateUnderReview, IReadOnlyList<StateProfile> RecommendingStates,
    int Session, int Cycle, DateTime? ReviewDate, RecommendationResponse Response,
    int? ActionCategory, CategoryOrigin? ActionCategoryOrigin,
    IReadOnlyList<string> Issues, IReadOnlyList<SdgTargetTitle> SdgTargets,
    string? SourceDocument, string? Paragraph,
    IReadOnlyList<SimilarRecommendation> RecommendedBefore)
{
    /// <summary>From OHCHR's UPR matrix: where the State gave its position.</summary>
    public string? PositionSource { get; init; }

    public IReadOnlyList<string> OhchrThemes { get; init; } = [];

    public IReadOnlyList<string> AffectedPersons { get; init; } = [];
}

/// <summary>Everything known about one recommendation, both sides' groups and organisations, and what it repeats.</summary>
public sealed class RecommendationDetails(SpeanDbContext db, RecommendationRecurrence recurrence)
{
    /// <returns>Null when no recommendation has that id.</returns>
    public async Task<RecommendationDetail?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var r = await db.Recommendations.AsNoTracking()
            .Include(r => r.RecommendingStates).Include(r => r.Issues).Include(r => r.SdgTargets)
            .Include(r => r.OhchrThemes).Include(r => r.AffectedPersons)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (r is null) return null;

        var iso3s = r.RecommendingStates.Select(s => s.CountryIso3).OfType<string>().Append(r.StateUnderReviewIso3).Distinct().ToList();
        var countries = await db.Countries.AsNoTracking().Include(c => c.Memberships)
            .Where(c => iso3s.Contains(c.Iso3)).ToDictionaryAsync(c => c.Iso3, cancellationToken);
        var organisations = await db.IntergovernmentalOrganisations.AsNoTracking().ToDictionaryAsync(o => o.Code, cancellationToken);
        StateProfile Profile(string name, string? iso3) => iso3 is not null && countries.TryGetValue(iso3, out var c)
            ? new StateProfile(c.Name, c.Iso3, c.RegionalGroup,
                c.Memberships.Select(m => organisations[m.OrganisationCode]).OrderBy(o => o.Code, StringComparer.Ordinal).ToList())
            : new StateProfile(name, iso3, null, []);

        var sdgCodes = r.SdgTargets.Select(t => t.SdgCode).ToList();
        var sdgs = await db.SdgItems.AsNoTracking().Where(s => sdgCodes.Contains(s.Code)).OrderBy(s => s.SortOrder)
            .Select(s => new SdgTargetTitle(s.Code, s.TitleEn, s.TitleKm)).ToListAsync(cancellationToken);

        return new RecommendationDetail(
            r.Id, r.Text, r.TextKm, r.Notes,
            Profile(r.StateUnderReviewIso3, r.StateUnderReviewIso3),
            r.RecommendingStates.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Profile(s.Name, s.CountryIso3)).ToList(),
            r.Session, r.Cycle, r.ReviewDate, r.Response, r.ActionCategory, r.ActionCategoryOrigin,
            r.Issues.Select(i => i.Issue).Order(StringComparer.Ordinal).ToList(), sdgs,
            r.SourceDocument, r.Paragraph,
            await recurrence.EarlierAsync(r.StateUnderReviewIso3, r.Id, cancellationToken))
        {
            PositionSource = r.PositionSource,
            OhchrThemes = r.OhchrThemes.Select(t => t.Theme).Order(StringComparer.Ordinal).ToList(),
            AffectedPersons = r.AffectedPersons.Select(a => a.Group).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
