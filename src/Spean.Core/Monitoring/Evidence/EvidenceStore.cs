using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Protection;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Core.Monitoring.Evidence;

/// <param name="Sha256">The hash the device computed before sending, as 64 hexadecimal characters.</param>
public sealed record EvidenceUpload(Guid ReportId, Guid ClientUploadId, string OriginalName, string Sha256);

public enum EvidenceRejection
{
    HashMismatch,
    InvalidHash,
    UnsupportedType,
    TooLarge,
    Empty,
    UploadIdReused,

    /// <summary>A resumed upload sent from another byte than the store holds of it.</summary>
    OffsetMismatch,

    /// <summary>Another request is sending the same resumable upload.</summary>
    UploadInProgress,

    /// <summary>Decided by the caller from the report's status (see ReportWorkflow.TakesEvidence), not by the store.</summary>
    ReportClosed,
}

/// <param name="AlreadyStored">True when this upload id had already delivered the same file: a retry, not a new file.</param>
public sealed record EvidenceStored(EvidenceFile File, bool AlreadyStored);

/// <summary>An upload written encrypted beside the evidence and not yet kept; disposing it deletes what was not kept.</summary>
public sealed class EvidenceReceived(string path, long size, string sha256, string contentType) : IDisposable
{
    internal string Path { get; } = path;
    public long Size { get; } = size;
    public string Sha256 { get; } = sha256;
    public string ContentType { get; } = contentType;

    public void Dispose() => File.Delete(Path);
}

/// <summary>
/// Keeps original evidence files encrypted on disk under generated names (Spean:EvidenceDirectory), checks
/// them against the device's hash and by their content, and records every use in the custody log.
/// Files are written once and never changed; only a key rotation rewrites their encryption.
/// </summary>
public sealed class EvidenceStore(
    SpeanDbContext db, KeyRing keys, FieldCipher cipher, CustodyLog custody, AuditActor actor, EvidenceOptions options, TimeProvider clock)
{
    /// <summary>What a received file's name ends with until its row has committed.</summary>
    internal const string PartialEnding = ".partial";
    /// <summary>What the name of an upload that can be continued ends with, until it has arrived whole.</summary>
    internal const string ResumableEnding = ".upload";
    private const int ZipTailSize = 256 * 1024;
    /// <summary>Enough of the start to tell the type: an OpenDocument's mimetype entry ends at byte 77.</summary>
    private const int HeadSize = 1024;

    public string Directory => options.DirectoryPath;

    /// <summary>Checks the upload id first, so a retry of a file already kept is answered without writing it again.</summary>
    public async Task<Outcome<EvidenceStored>> StoreAsync(EvidenceUpload upload, Stream content, CancellationToken cancellationToken = default)
    {
        if (InvalidHash(upload) is { } invalid) return invalid;
        if (await FindByUploadIdAsync(upload, cancellationToken) is { } earlier) return earlier;
        var received = await ReceiveAsync(content, cancellationToken);
        if (received.Refusal is { } refused) return refused;
        using (received.Value) return await KeepAsync(upload, received.Value!, cancellationToken);
    }

    /// <summary>
    /// Streams an upload straight into an encrypted file beside the evidence, hashing it and checking its type and
    /// size on the way, before the fields that name it have arrived: the original never touches the disk in clear.
    /// </summary>
    public async Task<Outcome<EvidenceReceived>> ReceiveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        CreateDirectory();
        var partial = Path.Combine(Directory, $"{Guid.CreateVersion7():N}.evidence{PartialEnding}");
        try
        {
            var written = await WriteEncryptedAsync(content, partial, cancellationToken);
            if (written.Refusal is { } refused)
            {
                File.Delete(partial);
                return refused;
            }
            var (size, sha256, contentType) = written.Value!;
            return new EvidenceReceived(partial, size, sha256, contentType);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>What an earlier try of this upload settles: the file it delivered, a refused hash or reused id; null when nothing.</summary>
    public async Task<Outcome<EvidenceStored>?> EarlierAsync(EvidenceUpload upload, CancellationToken cancellationToken = default) =>
        InvalidHash(upload) is { } invalid ? invalid : await FindByUploadIdAsync(upload, cancellationToken);

    /// <summary>The evidence file this person's upload to this report became, once it arrived whole; null before, or for anyone else.</summary>
    public async Task<EvidenceFile?> KeptAsync(Guid reportId, Guid clientUploadId, CancellationToken cancellationToken = default)
    {
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ClientUploadId == clientUploadId && f.ReportId == reportId, cancellationToken);
        return file is not null && SentByActor(file) ? file : null;
    }

    /// <summary>How many bytes of this person's upload to this report are held, to be continued from: 0 when none.</summary>
    public long Held(Guid reportId, Guid clientUploadId) =>
        new FileInfo(ResumablePath(reportId, clientUploadId)) is { Exists: true } file
            ? EvidenceCipher.WholeChunks(file.Length) * EvidenceCipher.ChunkSize
            : 0;

    /// <summary>
    /// Receives an upload that can be continued where a broken connection left it: the device sends from
    /// <paramref name="offset"/>, which must be what the store holds of it (0 starts again). What arrives is sealed into a
    /// file named by report, person and upload id, kept in whole chunks when the connection breaks. Once it has arrived
    /// whole, a resumed upload is read back to hash and type it, as a file sent at once is on the way in.
    /// </summary>
    public async Task<Outcome<EvidenceReceived>> ReceiveAsync(
        Guid reportId, Guid clientUploadId, long offset, Stream content, CancellationToken cancellationToken = default)
    {
        CreateDirectory();
        var path = ResumablePath(reportId, clientUploadId);
        FileStream file;
        try
        {
            file = NewFile(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new Refusal(EvidenceRejection.UploadInProgress,
                "This upload is arriving in another request. Wait until that one ends, then ask how much of it arrived and send the rest.");
        }
        var keep = false;
        try
        {
            await using (file)
            {
                using var writer = offset == 0 ? StartWriting(file) : await EvidenceCipher.Writer.ResumeAsync(file, keys, cancellationToken);
                if (writer is null || writer.Written != offset)
                {
                    keep = writer is not null;
                    var held = writer?.Written ?? 0;
                    return new Refusal(EvidenceRejection.OffsetMismatch, string.Create(CultureInfo.InvariantCulture,
                        $"This server holds {held} bytes of this upload, so send it from byte {held}, not from byte {offset}."));
                }
                using var inspection = offset == 0 ? new Inspection() : null;
                try
                {
                    if (await WriteAsync(content, writer, inspection, cancellationToken) is { } refused) return refused;
                }
                catch
                {
                    // Cut off: the whole chunks sealed so far stay for the next try.
                    keep = true;
                    throw;
                }
                var written = inspection?.Finish();
                if (written?.Refusal is { } wrong) return wrong;
                await writer.CompleteAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                written ??= await InspectAsync(file, cancellationToken);
                if (written.Refusal is { } refusedWhole) return refusedWhole;
                // Renamed while still locked, so that a late copy of this request cannot open it and cut its last chunk off.
                var received = Path.Combine(Directory, $"{Guid.CreateVersion7():N}.evidence{PartialEnding}");
                File.Move(path, received);
                var (size, sha256, contentType) = written.Value!;
                return new EvidenceReceived(received, size, sha256, contentType);
            }
        }
        finally
        {
            if (!keep) File.Delete(path);
        }
    }

    private EvidenceCipher.Writer StartWriting(FileStream file)
    {
        file.SetLength(0);
        var (keyId, key) = keys.Current;
        return new EvidenceCipher.Writer(file, keyId, key);
    }

    /// <summary>A whole encrypted file read back as it would have been inspected on the way in.</summary>
    private async Task<Outcome<Written>> InspectAsync(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        using var inspection = new Inspection();
        try
        {
            await foreach (var chunk in EvidenceCipher.ReadAsync(file, keys, cancellationToken))
                if (inspection.Add(chunk.Span) is { } refused) return refused;
        }
        catch (CryptographicException)
        {
            return new Refusal(EvidenceRejection.HashMismatch,
                "What arrived of this file over several tries could not be read back whole. Nothing was kept; send it again from its start.");
        }
        return inspection.Finish();
    }

    /// <summary>Named by report, person and upload id: a person can continue only their own upload, and an id alone names none.</summary>
    private string ResumablePath(Guid reportId, Guid clientUploadId)
    {
        var who = actor.UserId?.ToString() ?? "anonymous:" + Uploader;
        var name = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{reportId:N}/{who}/{clientUploadId:N}")))[..32];
        return Path.Combine(Directory, $"{name}.evidence{ResumableEnding}");
    }

    /// <summary>Keeps a received file as the evidence the upload names, or answers with the file that upload already delivered.</summary>
    public async Task<Outcome<EvidenceStored>> KeepAsync(EvidenceUpload upload, EvidenceReceived received, CancellationToken cancellationToken = default)
    {
        if (InvalidHash(upload) is { } invalid) return invalid;
        var claimed = Claimed(upload);
        if (await FindByUploadIdAsync(upload, cancellationToken) is { } earlier) return earlier;
        if (received.Sha256 != claimed)
            return new Refusal(EvidenceRejection.HashMismatch,
                $"The file that arrived is not the file your device sent: its SHA-256 is {received.Sha256}, the device said {claimed}. " +
                "Nothing was kept; send it again.");

        var facts = await ReadFactsAsync(received.Path, received.ContentType, cancellationToken);
        // The row commits first and the file takes its kept name after: a process killed in between leaves a row and
        // its whole file under the received name, which the next start renames (EvidenceLeftovers), never a kept file
        // that no row names.
        var storedName = Path.GetFileName(received.Path)[..^PartialEnding.Length];
        var id = Guid.CreateVersion7();
        var file = new EvidenceFile
        {
            Id = id, ReportId = upload.ReportId, ClientUploadId = upload.ClientUploadId,
            EncryptedOriginalName = cipher.Encrypt(FileName(upload.OriginalName), FieldCipher.Context(nameof(EvidenceFile), nameof(EvidenceFile.EncryptedOriginalName), id)),
            ContentType = received.ContentType, Size = received.Size, Sha256 = received.Sha256, StoredName = storedName,
            CapturedAt = facts.CapturedAt, Latitude = facts.Latitude, Longitude = facts.Longitude, Device = facts.Device,
            UploadedById = actor.UserId, UploadedBy = Uploader, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.EvidenceFiles.Add(file);
        custody.Add(file, CustodyAction.Uploaded, $"{file.ContentType}, {file.Size.ToString(CultureInfo.InvariantCulture)} bytes", 0, file.Sha256);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tries of the same upload raced; the unique upload id let one through. Answer with that one.
            db.ChangeTracker.Clear();
            return await FindByUploadIdAsync(upload, cancellationToken) ?? throw new InvalidOperationException(
                "The evidence file could not be saved.");
        }
        EvidenceLeftovers.Complete(received.Path, Path.Combine(Directory, storedName));
        return new EvidenceStored(file, AlreadyStored: false);
    }

    private static string Claimed(EvidenceUpload upload) => upload.Sha256.Trim().ToLowerInvariant();

    private static Refusal? InvalidHash(EvidenceUpload upload) =>
        Claimed(upload) is { Length: 64 } claimed && claimed.All(char.IsAsciiHexDigitLower)
            ? null
            : new Refusal(EvidenceRejection.InvalidHash,
                $"The SHA-256 sent with the file must be 64 hexadecimal characters; it was \"{upload.Sha256}\".");

    private string Uploader => actor.UserName ?? "anonymous";

    /// <summary>Read from the whole file once it is written, not from its first bytes: a video's moov box often comes after its media data.</summary>
    private async Task<CaptureFacts> ReadFactsAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        await using var input = OpenRead(path);
        await using var original = await EvidenceCipher.SeekableReader.OpenAsync(input, keys, cancellationToken);
        return CaptureFacts.Read(contentType, original);
    }

    public string OriginalNameOf(EvidenceFile file) =>
        cipher.Decrypt(file.EncryptedOriginalName, FieldCipher.Context(nameof(EvidenceFile), nameof(EvidenceFile.EncryptedOriginalName), file.Id));

    /// <summary>Writes the original bytes and records who viewed or downloaded them.</summary>
    public async Task WriteOriginalAsync(EvidenceFile file, Stream output, CustodyAction action, CancellationToken cancellationToken = default)
    {
        await custody.AppendAsync(file, action, cancellationToken: cancellationToken);
        await using var input = OpenStored(file);
        await foreach (var chunk in EvidenceCipher.ReadAsync(input, keys, cancellationToken))
            await output.WriteAsync(chunk, cancellationToken);
    }

    /// <summary>Hashes the stored bytes again and compares them with the hash taken at upload.</summary>
    /// <returns>Null when the file is intact, otherwise what is wrong.</returns>
    public async Task<string?> CheckAsync(EvidenceFile file, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(PathOf(file))) return $"the stored file {file.StoredName} is missing";
        try
        {
            await using var input = OpenStored(file);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await foreach (var chunk in EvidenceCipher.ReadAsync(input, keys, cancellationToken)) hash.AppendData(chunk.Span);
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            return actual == file.Sha256 ? null : $"its SHA-256 is now {actual}, not {file.Sha256} as at upload";
        }
        catch (CryptographicException e)
        {
            return e.Message;
        }
    }

    /// <summary>Re-encrypts a file under the current key, through a new file renamed over the old one, after checking its hash.</summary>
    /// <returns>Null when done, otherwise why the file was left as it was.</returns>
    internal async Task<string?> ReencryptAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        var target = PathOf(file) + ".rekey";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var input = OpenStored(file))
            // A rotation killed while writing this copy left it behind; it is this rotation's to overwrite.
            await using (var output = NewFile(target, FileMode.Create))
            {
                var (keyId, key) = keys.Current;
                using var writer = new EvidenceCipher.Writer(output, keyId, key);
                await foreach (var chunk in EvidenceCipher.ReadAsync(input, keys, cancellationToken))
                {
                    hash.AppendData(chunk.Span);
                    await writer.WriteAsync(chunk, cancellationToken);
                }
                await writer.CompleteAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }
            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256) return "its content no longer matches its SHA-256";
            File.Move(target, PathOf(file), overwrite: true);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            return e.Message;
        }
        finally
        {
            File.Delete(target);
        }
    }

    internal async Task<uint?> KeyIdOfAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        if (!File.Exists(PathOf(file))) return null;
        await using var input = OpenStored(file);
        return await EvidenceCipher.ReadKeyIdAsync(input, cancellationToken);
    }

    private sealed record Written(long Size, string Sha256, string ContentType);

    /// <summary>Streams the upload into an encrypted file, hashing it and checking its type and size on the way.</summary>
    private async Task<Outcome<Written>> WriteEncryptedAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        await using var output = NewFile(path);
        var (keyId, key) = keys.Current;
        using var writer = new EvidenceCipher.Writer(output, keyId, key);
        using var inspection = new Inspection();
        if (await WriteAsync(content, writer, inspection, cancellationToken) is { } refused) return refused;
        var written = inspection.Finish();
        if (written.Refusal is null)
        {
            await writer.CompleteAsync(cancellationToken);
            output.Flush(flushToDisk: true);
        }
        return written;
    }

    /// <summary>
    /// Seals what arrives, in whole chunks as it comes, so that a try cut off keeps all but its last part-chunk. Without an
    /// inspection (a resumed upload, whose head went by in an earlier try) only the size is checked on the way.
    /// </summary>
    private async Task<Refusal?> WriteAsync(Stream content, EvidenceCipher.Writer writer, Inspection? inspection, CancellationToken cancellationToken)
    {
        var buffer = new byte[EvidenceCipher.ChunkSize];
        var size = writer.Written;
        int read;
        while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            size += read;
            if (size > options.MaxBytes)
                return new Refusal(EvidenceRejection.TooLarge,
                    string.Create(CultureInfo.InvariantCulture,
                        $"This file is larger than the {options.MaxBytes / 1e6:0.#} MB limit for evidence files. Nothing was kept."));
            if (inspection?.Add(buffer.AsSpan(0, read)) is { } refused) return refused;
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// What the store learns from a file's bytes as they pass, in order: its size, its SHA-256 and its type
    /// (from its head, and for a ZIP from its tail too). A resumed upload is inspected once whole, read back from its file.
    /// </summary>
    private sealed class Inspection : IDisposable
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] head = new byte[HeadSize];
        private int headLength;
        private byte[]? tail;
        private int tailLength;
        private long size;
        private EvidenceContent? detected;

        /// <summary>Null while the file may still be evidence.</summary>
        public Refusal? Add(ReadOnlySpan<byte> chunk)
        {
            size += chunk.Length;
            if (headLength < head.Length)
            {
                var take = Math.Min(chunk.Length, head.Length - headLength);
                chunk[..take].CopyTo(head.AsSpan(headLength));
                headLength += take;
            }
            if (detected is null && headLength >= Math.Min(EvidenceContent.HeadSize, size))
            {
                detected = EvidenceContent.Detect(head.AsSpan(0, headLength));
                if (detected.IsZip) tail = new byte[ZipTailSize];
                else if (detected.ContentType is null) return Unsupported(detected);
            }
            if (tail is not null) KeepTail(tail, ref tailLength, chunk);
            hash.AppendData(chunk);
            return null;
        }

        public Outcome<Written> Finish()
        {
            if (size == 0) return new Refusal(EvidenceRejection.Empty, "The file is empty. Nothing was kept.");
            var type = detected ?? EvidenceContent.Detect(head.AsSpan(0, headLength));
            if (type.IsZip) type = EvidenceContent.DetectZip(head.AsSpan(0, headLength), tail.AsSpan(0, tailLength));
            if (type.ContentType is null) return Unsupported(type);
            return new Written(size, Convert.ToHexStringLower(hash.GetCurrentHash()), type.ContentType);
        }

        public void Dispose() => hash.Dispose();
    }

    /// <summary>The name without the device's folders, which can hold the owner's name too.</summary>
    private static string FileName(string name)
    {
        var file = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return file.Length <= 255 ? file : file[..255];
    }

    private static Refusal Unsupported(EvidenceContent detected) =>
        new(EvidenceRejection.UnsupportedType,
            $"This file is {detected.Found}. Evidence can be {EvidenceContent.Accepted}. Nothing was kept.");

    private static void KeepTail(byte[] tail, ref int length, ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= tail.Length)
        {
            chunk[^tail.Length..].CopyTo(tail);
            length = tail.Length;
            return;
        }
        var keep = Math.Min(length, tail.Length - chunk.Length);
        tail.AsSpan(length - keep, keep).CopyTo(tail);
        chunk.CopyTo(tail.AsSpan(keep));
        length = keep + chunk.Length;
    }

    /// <summary>
    /// Upload ids are written to the audit trail, which administrators of every organisation read: an id answers with
    /// its file only to the person who sent it, on the same report and with the same content. Any other match is
    /// refused without a word about the file, its report or its hash.
    /// </summary>
    private async Task<Outcome<EvidenceStored>?> FindByUploadIdAsync(EvidenceUpload upload, CancellationToken cancellationToken)
    {
        var existing = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.ClientUploadId == upload.ClientUploadId, cancellationToken);
        if (existing is null) return null;
        return existing.ReportId == upload.ReportId && SentByActor(existing) && existing.Sha256 == Claimed(upload)
            ? (Outcome<EvidenceStored>)new EvidenceStored(existing, AlreadyStored: true)
            : new Refusal(EvidenceRejection.UploadIdReused,
                $"The upload id {upload.ClientUploadId} has already been used. Make a new upload id on the device and send the file again.");
    }

    private bool SentByActor(EvidenceFile file) =>
        actor.UserId is { } user ? file.UploadedById == user : file.UploadedById is null && file.UploadedBy == Uploader;

    private string PathOf(EvidenceFile file) => Path.Combine(Directory, file.StoredName);

    internal FileStream OpenStored(EvidenceFile file) => OpenRead(PathOf(file));

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static FileStream NewFile(string path, FileMode mode = FileMode.CreateNew, FileAccess access = FileAccess.Write, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(Directory);
        else System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
