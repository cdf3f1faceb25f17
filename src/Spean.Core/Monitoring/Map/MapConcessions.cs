using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Monitoring.Map;

/// <summary>
/// The concession layer, drawn on first use and kept: parsing 2.5 MB of polygons takes longer than the rest of
/// the map. The 2014 files are frozen and imported before the app serves, so the layer cannot change while it runs.
/// </summary>
internal sealed class MapConcessions(ProvinceMap map)
{
    private string? layer;

    public async Task<string> LayerAsync(SpeanDbContext db, CancellationToken cancellationToken = default) =>
        layer ??= map.ConcessionLayer(await ForMapAsync(db, cancellationToken));

    private static Task<List<Concession>> ForMapAsync(SpeanDbContext db, CancellationToken cancellationToken) =>
        db.Concessions.AsNoTracking()
            .Where(c => c.Geometry != null && (c.Kind == ConcessionKind.Mining || c.Kind == ConcessionKind.EconomicLand))
            .OrderBy(c => c.Id)
            .Select(c => new Concession { Id = c.Id, Kind = c.Kind, Name = c.Name, Company = c.Company, Geometry = c.Geometry, SourceFields = "" })
            .ToListAsync(cancellationToken);
}
