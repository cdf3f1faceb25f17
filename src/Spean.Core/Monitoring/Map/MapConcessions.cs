using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Map;

internal static class MapConcessions
{
    /// <summary>The mining and land concessions the map draws, without the source fields it does not need.</summary>
    public static Task<List<Concession>> ForMapAsync(this SpeanDbContext db, CancellationToken cancellationToken = default) =>
        db.Concessions.AsNoTracking()
            .Where(c => c.Geometry != null && (c.Kind == ConcessionKind.Mining || c.Kind == ConcessionKind.EconomicLand))
            .OrderBy(c => c.Id)
            .Select(c => new Concession { Id = c.Id, Kind = c.Kind, Name = c.Name, Company = c.Company, Geometry = c.Geometry, SourceFields = "" })
            .ToListAsync(cancellationToken);
}
