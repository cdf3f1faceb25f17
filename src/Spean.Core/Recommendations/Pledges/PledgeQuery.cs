using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Recommendations.Pledges;

public sealed class PledgeQuery(SpeanDbContext db)
{
    /// <summary>The pledges a State made, oldest session first.</summary>
    public Task<List<VoluntaryPledge>> ForStateAsync(string iso3, CancellationToken cancellationToken = default)
    {
        var state = iso3.ToUpperInvariant();
        return db.VoluntaryPledges.AsNoTracking().Where(p => p.StateIso3 == state)
            .OrderBy(p => p.Session).ThenBy(p => p.Id).ToListAsync(cancellationToken);
    }
}
