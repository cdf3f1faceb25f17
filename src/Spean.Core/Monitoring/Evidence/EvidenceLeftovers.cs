using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Evidence;

/// <param name="Completed">Files whose row had committed when the process was killed, now under their kept name.</param>
/// <param name="Removed">Uploads that never committed, unfinished uploads never continued and rotation copies never renamed, removed once old enough.</param>
/// <param name="Unnamed">Kept files that no row names, left alone: a crash cannot make them, a restore of an older backup or a database that is not this folder's can.</param>
public sealed record LeftoverSweep(int Completed, int Removed, int Unnamed);

/// <summary>
/// What a process killed mid-way leaves in the evidence folder, each case decided by whether its row committed: an
/// upload whose row committed before the rename (completed), an upload still arriving or whose row never committed
/// (".evidence.partial", removed), an upload cut off and never continued (".evidence.upload", removed after days rather than
/// an hour), a key rotation's copy never renamed over its file (".evidence.rekey", removed). All
/// are encrypted, but each removed one is a copy of what a witness gave that no one could see, verify or delete.
/// </summary>
public sealed class EvidenceLeftovers(SpeanDbContext db, EvidenceOptions options, TimeProvider clock)
{
    private const string RekeyEnding = ".rekey";

    /// <summary>Renames the received files whose rows committed; at every start, before anything reads or rotates evidence.</summary>
    public async Task<int> CompleteAsync(CancellationToken cancellationToken = default) =>
        (await SweepAsync(remove: false, cancellationToken)).Completed;

    /// <summary>Completes what committed, and removes what did not once older than Spean:Evidence:LeftoverAge (younger ones may still be arriving).</summary>
    public Task<LeftoverSweep> SweepAsync(CancellationToken cancellationToken = default) => SweepAsync(remove: true, cancellationToken);

    /// <summary>The rename that keeps a received file; a sweep of another process may have made it first.</summary>
    internal static bool Complete(string received, string kept)
    {
        try
        {
            File.Move(received, kept);
            return true;
        }
        catch (IOException) when (File.Exists(kept))
        {
            return false;
        }
    }

    private async Task<LeftoverSweep> SweepAsync(bool remove, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.DirectoryPath)) return new(0, 0, 0);
        // Listed before the rows are read: a file whose row commits in between is then still found named.
        var files = new DirectoryInfo(options.DirectoryPath).EnumerateFiles().ToList();
        // Starts only complete committed uploads: with no received file, every row's name need not be read.
        if (files.Count == 0 || (!remove && !files.Any(f => f.Name.EndsWith(".evidence" + EvidenceStore.PartialEnding, StringComparison.Ordinal))))
            return new(0, 0, 0);
        var named = (await db.EvidenceFiles.AsNoTracking().Select(f => f.StoredName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        int completed = 0, removed = 0, unnamed = 0;
        foreach (var file in files)
        {
            if (file.Name.EndsWith(".evidence", StringComparison.Ordinal))
            {
                if (!named.Contains(file.Name)) unnamed++;
                continue;
            }
            var partial = file.Name.EndsWith(".evidence" + EvidenceStore.PartialEnding, StringComparison.Ordinal);
            if (partial && named.Contains(file.Name[..^EvidenceStore.PartialEnding.Length]))
            {
                if (Complete(file.FullName, file.FullName[..^EvidenceStore.PartialEnding.Length])) completed++;
                continue;
            }
            var unfinished = file.Name.EndsWith(".evidence" + EvidenceStore.ResumableEnding, StringComparison.Ordinal);
            if (!remove || !(partial || unfinished || file.Name.EndsWith(".evidence" + RekeyEnding, StringComparison.Ordinal))
                || file.LastWriteTimeUtc > (unfinished ? now - options.UnfinishedUploadAge : now - options.LeftoverAge)) continue;
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // In use or gone already: the next sweep looks again.
            }
        }
        return new(completed, removed, unnamed);
    }
}
