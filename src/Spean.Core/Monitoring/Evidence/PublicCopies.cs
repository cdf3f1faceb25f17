using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring.Evidence.Formats;
using Spean.Core.Protection;

namespace Spean.Core.Monitoring.Evidence;

/// <summary>The copies of evidence fit to publish; the originals stay with <see cref="EvidenceStore"/>.</summary>
public sealed class PublicCopies(SpeanDbContext db, EvidenceStore store, KeyRing keys, CustodyLog custody, PublicCopyCache publicCopies)
{
    /// <summary>Every accepted type has a public copy: Spean knows where each keeps its metadata (docs/adr/0007-public-copies-of-evidence.md).</summary>
    public static bool HasPublicCopy(EvidenceFile file) => HasPublicCopy(file.ContentType);

    public static bool HasPublicCopy(string contentType) => EvidenceFormats.Of(contentType) is not null;

    /// <summary>
    /// Writes a copy fit to publish: without GPS, device, author names and capture times, each format as its
    /// own class says. Returns false for files that have no public copy. Custody records each distinct copy
    /// once, as Exported with the copy's SHA-256: the copy is the same for every reader, and logging every
    /// anonymous view would bury the entries that matter (docs/adr/0007-public-copies-of-evidence.md). Copies are
    /// kept in memory once made (<see cref="PublicCopyCache"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file's structure could not be read, so its metadata could not be removed.</exception>
    public async Task<bool> WritePublicCopyAsync(EvidenceFile file, Stream output, CancellationToken cancellationToken = default)
    {
        if (!HasPublicCopy(file)) return false;
        if (publicCopies.TryGet(file.Id, out var made))
        {
            await output.WriteAsync(made, cancellationToken);
            return true;
        }
        using var sha256 = SHA256.Create();
        using var keeping = new PublicCopyCache.Keeping(output);
        await using (var input = store.OpenStored(file))
        await using (var original = await EvidenceCipher.SeekableReader.OpenAsync(input, keys, cancellationToken))
        await using (var hashing = new CryptoStream(keeping, sha256, CryptoStreamMode.Write, leaveOpen: true))
        {
            await WriteWithoutMetadataAsync(file.ContentType, original, hashing, cancellationToken);
            await hashing.FlushFinalBlockAsync(cancellationToken);
        }
        var detail = $"public copy without metadata, SHA-256 {Convert.ToHexStringLower(sha256.Hash!)}";
        if (!await db.CustodyEntries.AnyAsync(e => e.FileId == file.Id && e.Action == CustodyAction.Exported && e.Detail == detail, cancellationToken))
            await custody.AppendAsync(file, CustodyAction.Exported, detail, cancellationToken);
        if (keeping.Copy is { } copy) publicCopies.Add(file.Id, copy);
        return true;
    }

    /// <param name="original">The original bytes, readable and seekable.</param>
    internal static Task WriteWithoutMetadataAsync(string contentType, Stream original, Stream output, CancellationToken cancellationToken) =>
        EvidenceFormats.Of(contentType) is { } format
            ? format.WritePublicCopy(original, output, cancellationToken)
            : throw new ArgumentException($"{contentType} has no public copy.", nameof(contentType));
}
