using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Taxonomies;

public sealed record CountrySummary(
    string Iso3, string Iso2, string Name, string NameKm, bool UnMember, RegionalGroup? RegionalGroup,
    IReadOnlyList<string> Organisations, bool ClusterMunitionsParty, bool MineBanParty);

public sealed class CountryDirectory(SpeanDbContext db)
{
    public async Task<List<CountrySummary>> ListAsync(
        bool? unMember = null, RegionalGroup? group = null, string? organisation = null, CancellationToken cancellationToken = default)
    {
        var query = db.Countries.AsNoTracking().Include(c => c.Memberships).AsQueryable();
        if (unMember is { } member) query = query.Where(c => c.UnMember == member);
        if (group is { } g) query = query.Where(c => c.RegionalGroup == g);
        if (!string.IsNullOrWhiteSpace(organisation))
            query = query.Where(c => c.Memberships.Any(m => m.OrganisationCode == organisation));
        var countries = await query.OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var parties = await db.TreatyMemberships.AsNoTracking().Where(t => t.Status == "member")
            .Select(t => new { t.Treaty, t.CountryIso3 }).ToListAsync(cancellationToken);
        var ccm = parties.Where(p => p.Treaty == Treaty.ClusterMunitions).Select(p => p.CountryIso3).ToHashSet();
        var apmbc = parties.Where(p => p.Treaty == Treaty.MineBan).Select(p => p.CountryIso3).ToHashSet();
        return countries.Select(c => new CountrySummary(
            c.Iso3, c.Iso2, c.Name, c.NameKm, c.UnMember, c.RegionalGroup,
            c.Memberships.Select(m => m.OrganisationCode).Order(StringComparer.Ordinal).ToList(),
            ccm.Contains(c.Iso3), apmbc.Contains(c.Iso3))).ToList();
    }

    public Task<List<IntergovernmentalOrganisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        db.IntergovernmentalOrganisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);

    public Task<List<SdgItem>> SdgsAsync(int? goal = null, CancellationToken cancellationToken = default) =>
        db.SdgItems.AsNoTracking().Where(s => goal == null || s.Goal == goal).OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
}
