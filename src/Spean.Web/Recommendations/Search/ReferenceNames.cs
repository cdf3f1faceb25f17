using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Recommendations.Search;

namespace Spean.Web.Recommendations.Search;

/// <summary>
/// Country and intergovernmental organisation names by code, in English and in Khmer, for the labels of facets and
/// results. Read again at most every <see cref="SearchOptions.FreshnessSeconds"/>, as the search index checks for
/// changes: they change by a reference-data import, while every search page needs them (two queries and 250 rows a page).
/// </summary>
public sealed class ReferenceNames(IServiceScopeFactory scopes, SearchOptions options, TimeProvider clock)
{
    public sealed record Names(IReadOnlyDictionary<string, string> Countries, IReadOnlyDictionary<string, string> Organisations, long ReadAt);

    private Names? english;
    private Names? khmer;

    public async Task<Names> InAsync(bool isKhmer, CancellationToken cancellationToken = default)
    {
        var known = Volatile.Read(ref isKhmer ? ref khmer : ref english);
        if (known is not null && clock.GetElapsedTime(known.ReadAt).TotalSeconds < options.FreshnessSeconds) return known;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var readAt = clock.GetTimestamp();
        var read = new Names(
            await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => isKhmer ? c.NameKm : c.Name, cancellationToken),
            await db.IntergovernmentalOrganisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => isKhmer ? o.NameKm : o.NameEn, cancellationToken),
            readAt);
        Volatile.Write(ref isKhmer ? ref khmer : ref english, read);
        return read;
    }
}
