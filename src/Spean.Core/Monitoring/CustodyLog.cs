using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Core.Monitoring;

/// <param name="BrokenAt">The sequence number of the first entry that does not match; null when the chain is intact.</param>
public sealed record ChainCheck(Guid FileId, int Entries, int? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>The hash-chained custody log of each evidence file: who uploaded, viewed, downloaded or exported it, and when.</summary>
public sealed class CustodyLog(SpeanDbContext db, AuditActor actor, TimeProvider clock)
{
    /// <summary>Appends an entry and saves it, retrying when another request appended at the same moment.</summary>
    public async Task AppendAsync(EvidenceFile file, CustodyAction action, string? detail = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.CustodyEntries.Where(e => e.FileId == file.Id).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.EntryHash }).FirstOrDefaultAsync(cancellationToken);
            var entry = Add(file, action, detail, last?.Sequence ?? 0, last?.EntryHash ?? file.Sha256);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Adds the entry after the given one to the context; the caller saves.</summary>
    internal CustodyEntry Add(EvidenceFile file, CustodyAction action, string? detail, int previousSequence, string previousHash)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
        var who = actor.UserName ?? "anonymous";
        var entry = new CustodyEntry
        {
            FileId = file.Id, Sequence = previousSequence + 1, Action = action, UserId = actor.UserId, Who = who, At = at, Detail = detail,
            PreviousHash = previousHash,
            EntryHash = Hash(previousHash, file.Id, previousSequence + 1, action, actor.UserId, who, at, detail),
        };
        db.CustodyEntries.Add(entry);
        return entry;
    }

    /// <summary>Walks a file's chain from the upload and names the first entry whose hash or link does not match.</summary>
    public async Task<ChainCheck> VerifyAsync(EvidenceFile file, CancellationToken cancellationToken = default) =>
        (await ReadAsync(file, cancellationToken)).Check;

    /// <summary>A file's entries in order, and whether their chain holds.</summary>
    public async Task<(IReadOnlyList<CustodyEntry> Entries, ChainCheck Check)> ReadAsync(EvidenceFile file, CancellationToken cancellationToken = default)
    {
        var entries = await db.CustodyEntries.AsNoTracking().Where(e => e.FileId == file.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return (entries, Check(file, entries));
    }

    private static ChainCheck Check(EvidenceFile file, List<CustodyEntry> entries)
    {
        var previous = file.Sha256;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Sequence != i + 1)
                return new ChainCheck(file.Id, entries.Count, i + 1, $"entry {i + 1} is missing");
            if (e.PreviousHash != previous)
                return new ChainCheck(file.Id, entries.Count, e.Sequence, $"entry {e.Sequence} does not point at the entry before it");
            if (e.EntryHash != Hash(e.PreviousHash, e.FileId, e.Sequence, e.Action, e.UserId, e.Who, e.At, e.Detail))
                return new ChainCheck(file.Id, entries.Count, e.Sequence, $"entry {e.Sequence} ({e.Action} by {e.Who}) was changed after it was written");
            previous = e.EntryHash;
        }
        if (entries.Count == 0) return new ChainCheck(file.Id, 0, 1, "the chain is empty: the upload entry is missing");
        return new ChainCheck(file.Id, entries.Count, null, null);
    }

    private static string Hash(string previousHash, Guid fileId, int sequence, CustodyAction action, Guid? userId, string who, DateTime at, string? detail)
    {
        var text = string.Join('\n', previousHash, fileId, sequence.ToString(CultureInfo.InvariantCulture), action, userId,
            who, at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
