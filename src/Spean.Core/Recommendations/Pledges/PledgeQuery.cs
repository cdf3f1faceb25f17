using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Recommendations.Pledges;

public sealed class PledgeQuery(SpeanDbContext db)
{
    /// <summary>The pledges a State made, oldest session first; null when no State has that ISO code.</summary>
    public async Task<List<VoluntaryPledge>?> ForStateAsync(string iso3, CancellationToken cancellationToken = default)
    {
        var state = iso3.ToUpperInvariant();
        if (!await db.Countries.AnyAsync(c => c.Iso3 == state, cancellationToken)) return null;
        return await db.VoluntaryPledges.AsNoTracking().Where(p => p.StateIso3 == state)
            .OrderBy(p => p.Session).ThenBy(p => p.Id).ToListAsync(cancellationToken);
    }
}
