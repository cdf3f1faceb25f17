using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Campaigns.Treaties;

public sealed record TreatyState(string Iso3, string Name, string NameKm, string? Status, DateOnly? SignedOn, DateOnly? JoinedOn, DateOnly? InForceOn);

public sealed record TreatyChangeView(DateTime At, string Iso3, string Name, string NameKm, TreatyChangeKind Kind, string? Before, string After, string FileName);

/// <param name="NotParty">UN member States that are neither party nor signatory (withdrawn States among them).</param>
public sealed record TreatyView(Treaty Treaty, IReadOnlyList<TreatyState> Parties, IReadOnlyList<TreatyState> Signatories,
    IReadOnlyList<TreatyState> NotParty, IReadOnlyList<TreatyChangeView> Changes);

/// <summary>Treaty membership is public knowledge: every signed-in user reads the same tracker.</summary>
public sealed class TreatyTracker(SpeanDbContext db)
{
    public async Task<TreatyView> ViewAsync(Treaty treaty, int changes = 200, CancellationToken cancellationToken = default)
    {
        var memberships = await db.Set<TreatyMembership>().Where(m => m.Treaty == treaty).ToDictionaryAsync(m => m.CountryIso3, cancellationToken);
        var countries = await db.Set<Country>().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        TreatyState State(Country c) => memberships.GetValueOrDefault(c.Iso3) is { } m
            ? new(c.Iso3, c.Name, c.NameKm, m.Status, m.SignedOn, m.JoinedOn, m.InForceOn)
            : new(c.Iso3, c.Name, c.NameKm, null, null, null, null);
        var states = countries.Select(State).ToList();
        var history = await db.Set<TreatyChange>().Where(c => c.Treaty == treaty).OrderByDescending(c => c.At).ThenBy(c => c.CountryIso3)
            .Take(changes)
            .Join(db.Set<TreatyImport>(), c => c.ImportId, i => i.Id, (c, i) => new { c, i.FileName })
            .ToListAsync(cancellationToken);
        var names = countries.ToDictionary(c => c.Iso3);
        return new TreatyView(treaty,
            [.. states.Where(s => s.Status == TreatyNames.Party)],
            [.. states.Where(s => s.Status == TreatyNames.Signatory)],
            [.. countries.Where(c => c.UnMember).Select(State).Where(s => s.Status is not (TreatyNames.Party or TreatyNames.Signatory))],
            [.. history.Select(h => new TreatyChangeView(h.c.At, h.c.CountryIso3, names[h.c.CountryIso3].Name, names[h.c.CountryIso3].NameKm,
                h.c.Kind, h.c.Before, h.c.After, h.FileName))]);
    }
}
