using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Taxonomies;

/// <summary>Drill-down and search over Cambodia's administrative units.</summary>
public sealed class Gazetteer(SpeanDbContext db)
{
    public Task<AdminUnit?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken);

    /// <summary>The provinces when <paramref name="parentCode"/> is null, otherwise the units directly below it, in NCDD code order.</summary>
    /// <remarks>
    /// Asked for by their level, SQLite read all 16,457 units to find the 25 provinces (13.7 M instructions, on every
    /// report list and map); the provinces are the units without a parent, which the parent index finds (0.2 M).
    /// </remarks>
    public Task<List<AdminUnit>> ChildrenAsync(string? parentCode, CancellationToken cancellationToken = default)
    {
        var units = db.AdminUnits.AsNoTracking();
        units = parentCode is null ? units.Where(u => u.ParentCode == null) : units.Where(u => u.ParentCode == parentCode);
        return units.OrderBy(u => u.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The unit and its ancestors from the province down.</summary>
    public async Task<List<AdminUnit>> PathAsync(string code, CancellationToken cancellationToken = default)
    {
        var codes = PathCodes(code).ToList();
        return await db.AdminUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).OrderBy(u => u.Code).ToListAsync(cancellationToken);
    }

    /// <summary>"130101" → "13", "1301", "130101": a code holds its province's, its district's and so on, two digits a level.</summary>
    public static IEnumerable<string> PathCodes(string code) => Enumerable.Range(1, code.Length / 2).Select(n => code[..(n * 2)]);

    /// <summary>Units whose Khmer or Latin name contains the text, larger units first.</summary>
    public async Task<List<AdminUnit>> SearchAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        var term = text.Replace("\u200B", "", StringComparison.Ordinal).Trim();
        if (term.Length == 0) return [];
        var lower = term.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // runs as SQL lower() in the database, the same on both providers
        var matches = await db.AdminUnits.AsNoTracking()
            .Where(u => u.NameKm.Contains(term) || u.NameLatin.ToLower().Contains(lower))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(u => u.Code.Length).ThenBy(u => u.Code)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return matches;
    }
}
