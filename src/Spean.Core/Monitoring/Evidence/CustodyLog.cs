using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Protection;

namespace Spean.Core.Monitoring.Evidence;

/// <param name="BrokenAt">The sequence number of the first entry that does not match; null when the chain is intact.</param>
/// <param name="Head">The newest entry's hash when the chain is intact: kept elsewhere, it shows later whether entries were removed from the end.</param>
public sealed record ChainCheck(Guid FileId, int Entries, int? BrokenAt, string? Problem, string? Head = null)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// The keyed, hash-chained custody log of each evidence file: who uploaded, viewed, downloaded or exported it, and
/// when. Each entry's hash is an HMAC under the key ring's custody key over the previous hash, the entry and the
/// file's report and content type, so someone who can write to the database alone cannot forge or re-chain entries.
/// </summary>
public sealed class CustodyLog(SpeanDbContext db, AuditActor actor, TimeProvider clock, KeyRing keys)
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
            EntryHash = Hash(Key, file, previousHash, previousSequence + 1, action, actor.UserId, who, at, detail),
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
        return (entries, Check(Key, file, entries));
    }

    /// <summary>
    /// Keys the chains written before entries were keyed, once, when the key ring gains its custody key. A chain
    /// that no longer matches its plain hashes is left as it is, so it still shows as broken.
    /// </summary>
    internal async Task<int> SealUnkeyedChainsAsync(CancellationToken cancellationToken = default)
    {
        if (keys.CustodyKey is not null) return 0;
        var key = RandomNumberGenerator.GetBytes(32);
        var sealedChains = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        actor.SuppressRowAudit = true;
        try
        {
            foreach (var file in await db.EvidenceFiles.AsNoTracking().ToListAsync(cancellationToken))
            {
                var entries = await db.CustodyEntries.Where(e => e.FileId == file.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
                if (!Check(null, file, entries).Intact) continue;
                var previous = file.Sha256;
                foreach (var e in entries)
                {
                    var entry = db.Entry(e);
                    entry.Property(x => x.PreviousHash).CurrentValue = previous;
                    previous = Hash(key, file, previous, e.Sequence, e.Action, e.UserId, e.Who, e.At, e.Detail);
                    entry.Property(x => x.EntryHash).CurrentValue = previous;
                }
                sealedChains++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            keys.AddCustodyKey(key);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        return sealedChains;
    }

    private byte[] Key => keys.CustodyKey
        ?? throw new CryptographicException($"The key ring at {keys.FilePath} has no custody key yet. Run `spean migrate` (or start the web app) once to add it.");

    /// <param name="key">Null checks the unkeyed SHA-256 chains written before custody was keyed.</param>
    private static ChainCheck Check(byte[]? key, EvidenceFile file, List<CustodyEntry> entries)
    {
        var previous = file.Sha256;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Sequence != i + 1)
                return new ChainCheck(file.Id, entries.Count, i + 1, $"entry {i + 1} is missing");
            if (e.PreviousHash != previous)
                return new ChainCheck(file.Id, entries.Count, e.Sequence, $"entry {e.Sequence} does not point at the entry before it");
            var expected = key is null
                ? UnkeyedHash(e.PreviousHash, e.FileId, e.Sequence, e.Action, e.UserId, e.Who, e.At, e.Detail)
                : Hash(key, file, e.PreviousHash, e.Sequence, e.Action, e.UserId, e.Who, e.At, e.Detail);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(e.EntryHash), Encoding.ASCII.GetBytes(expected)))
                return new ChainCheck(file.Id, entries.Count, e.Sequence, $"entry {e.Sequence} ({e.Action} by {e.Who}) was changed after it was written");
            previous = e.EntryHash;
        }
        if (entries.Count == 0) return new ChainCheck(file.Id, 0, 1, "the chain is empty: the upload entry is missing");
        return new ChainCheck(file.Id, entries.Count, null, null, previous);
    }

    private static string Hash(byte[] key, EvidenceFile file, string previousHash, int sequence, CustodyAction action, Guid? userId, string who, DateTime at, string? detail)
    {
        var text = string.Join('\n', "spean-custody-1", previousHash, file.Id, file.ReportId, file.ContentType, sequence.ToString(CultureInfo.InvariantCulture),
            action, userId, who, at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), detail);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    private static string UnkeyedHash(string previousHash, Guid fileId, int sequence, CustodyAction action, Guid? userId, string who, DateTime at, string? detail)
    {
        var text = string.Join('\n', previousHash, fileId, sequence.ToString(CultureInfo.InvariantCulture), action, userId,
            who, at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
