using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Evidence;

/// <summary>
/// Files a process killed mid-way leaves in the evidence folder: an upload still arriving (".evidence.partial"), one
/// kept on disk whose row was never committed (".evidence" that no row names), a key rotation's new copy (".rekey").
/// All are encrypted, but each is a copy of what a witness gave that no one can see, verify or delete through Spean.
/// </summary>
public sealed class EvidenceLeftovers(SpeanDbContext db, EvidenceOptions options, TimeProvider clock)
{
    private static readonly string[] Endings = [".evidence", ".evidence.partial", ".evidence.rekey"];

    /// <returns>How many files were removed.</returns>
    public async Task<int> RemoveAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(options.DirectoryPath)) return 0;
        var olderThan = clock.GetUtcNow().UtcDateTime - options.LeftoverAge;
        // Listed before the rows are read: a file whose row commits in between is then still found named.
        var candidates = new DirectoryInfo(options.DirectoryPath).EnumerateFiles()
            .Where(f => Endings.Any(e => f.Name.EndsWith(e, StringComparison.Ordinal)) && f.LastWriteTimeUtc <= olderThan)
            .ToList();
        if (candidates.Count == 0) return 0;
        var named = (await db.EvidenceFiles.AsNoTracking().Select(f => f.StoredName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var file in candidates.Where(f => !named.Contains(f.Name)))
        {
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // Gone already, or in use: the next sweep looks again.
            }
        }
        return removed;
    }
}
