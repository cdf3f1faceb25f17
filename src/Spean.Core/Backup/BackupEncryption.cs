using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Spean.Core.Backup;

/// <summary>What opens a backup: a passphrase (PBKDF2-SHA-256, 600,000 rounds) or a key file of at least 32 random bytes (HKDF-SHA-256).</summary>
public sealed record BackupSecret
{
    public const int MinimumPassphraseLength = 12;
    public const int MinimumKeyFileBytes = 32;

    private BackupSecret(byte[] material, BackupKeySource source) => (Material, Source) = (material, source);

    internal byte[] Material { get; }

    internal BackupKeySource Source { get; }

    public static BackupSecret FromPassphrase(string passphrase) => new(Encoding.UTF8.GetBytes(passphrase), BackupKeySource.Passphrase);

    /// <summary>Reads a key file; refused when it is too short to be a random key.</summary>
    public static BackupSecret FromKeyFile(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"There is no key file at {path}.");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < MinimumKeyFileBytes)
            throw new InvalidDataException(
                $"The key file {path} holds {bytes.Length} bytes; a backup key file needs at least {MinimumKeyFileBytes} random bytes, for example from `head -c 32 /dev/urandom > spean-backup.key`.");
        return new(bytes, BackupKeySource.KeyFile);
    }
}

internal enum BackupKeySource : byte
{
    Passphrase = 1,
    KeyFile = 2,
}

/// <summary>
/// The encrypted backup file (docs/adr/0014-encrypted-backups-and-keyed-custody.md): a header
/// ("SPEANBAK", version, key source, PBKDF2 rounds, 16-byte salt), then the zip in chunks of up to 64 KiB, each
/// sealed with AES-256-GCM under a key made for this file alone. The nonce is the chunk's number and the header
/// and the chunk's length word (whose top bit marks the last chunk) are authenticated with it, so a changed,
/// swapped, dropped or cut-off chunk, or a changed header, fails.
/// </summary>
public static class BackupEncryption
{
    public const int Pbkdf2Iterations = 600_000;
    private const byte Version = 1;
    private const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private const int SaltSize = 16;
    private const uint LastChunk = 0x8000_0000;
    private static readonly byte[] Magic = "SPEANBAK"u8.ToArray();
    private static readonly int HeaderSize = Magic.Length + 1 + 1 + 4 + SaltSize;

    /// <summary>True when the bytes start an encrypted backup; a plain zip (a backup made before backups were encrypted) starts with "PK".</summary>
    public static bool IsEncrypted(ReadOnlySpan<byte> start) => start.StartsWith(Magic);

    /// <summary>A write-only stream that encrypts what is written into <paramref name="output"/>; dispose it to seal the last chunk.</summary>
    public static Stream Encrypt(Stream output, BackupSecret secret)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = Version;
        header[Magic.Length + 1] = (byte)secret.Source;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(Magic.Length + 2), Pbkdf2Iterations);
        RandomNumberGenerator.Fill(header.AsSpan(HeaderSize - SaltSize));
        output.Write(header);
        return new SealingStream(output, header, DeriveKey(secret, header));
    }

    /// <summary>Opens an encrypted backup whole, before anything is restored: a wrong secret or an altered file fails here, with nothing changed.</summary>
    public static async Task<MemoryStream> DecryptAsync(Stream input, BackupSecret secret, CancellationToken cancellationToken = default)
    {
        var header = new byte[HeaderSize];
        if (await input.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken) < HeaderSize || !IsEncrypted(header))
            throw new InvalidDataException("This file is not an encrypted Spean backup.");
        if (header[Magic.Length] != Version)
            throw new InvalidDataException($"This backup is encrypted in format {header[Magic.Length]}; this version of Spean reads format {Version}.");
        var source = (BackupKeySource)header[Magic.Length + 1];
        if (source != secret.Source)
            throw new InvalidDataException(source == BackupKeySource.Passphrase
                ? "This backup was encrypted with a passphrase: give it with --passphrase-stdin. Nothing was restored."
                : "This backup was encrypted with a key file: give it with --key-file. Nothing was restored.");
        using var aes = new AesGcm(DeriveKey(secret, header), TagSize);
        var plain = new MemoryStream();
        var length = new byte[4];
        var buffer = new byte[ChunkSize + TagSize];
        for (ulong index = 0; ; index++)
        {
            if (await input.ReadAtLeastAsync(length, 4, throwOnEndOfStream: false, cancellationToken) < 4)
                throw new InvalidDataException("The backup file is cut short: its last part is missing. Nothing was restored.");
            var word = BinaryPrimitives.ReadUInt32BigEndian(length);
            var size = (int)(word & ~LastChunk);
            if (size > ChunkSize || await input.ReadAtLeastAsync(buffer.AsMemory(0, size + TagSize), size + TagSize, throwOnEndOfStream: false, cancellationToken) < size + TagSize)
                throw new InvalidDataException("The backup file is damaged or cut short. Nothing was restored.");
            var chunk = new byte[size];
            try
            {
                aes.Decrypt(Nonce(index, word), buffer.AsSpan(0, size), buffer.AsSpan(size, TagSize), chunk, [.. header, .. length]);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new InvalidDataException(index == 0
                    ? "This passphrase or key file does not open the backup (or the file was altered). Nothing was restored."
                    : "The backup file was altered or damaged after it was written. Nothing was restored.");
            }
            plain.Write(chunk);
            if ((word & LastChunk) == 0) continue;
            if (await input.ReadAsync(length.AsMemory(0, 1), cancellationToken) != 0)
                throw new InvalidDataException("The backup file has bytes after its last part: it was altered. Nothing was restored.");
            plain.Position = 0;
            return plain;
        }
    }

    private static byte[] DeriveKey(BackupSecret secret, byte[] header)
    {
        var salt = header.AsSpan(HeaderSize - SaltSize);
        return secret.Source == BackupKeySource.Passphrase
            ? Rfc2898DeriveBytes.Pbkdf2(secret.Material, salt, (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(Magic.Length + 2)), HashAlgorithmName.SHA256, 32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.Material, 32, salt.ToArray(), "spean-backup-1"u8.ToArray());
    }

    private static byte[] Nonce(ulong index, uint word)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(nonce, word & LastChunk);
        BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), index);
        return nonce;
    }

    /// <summary>Holds back a full chunk until more bytes arrive, so the chunk sealed at dispose is always the one marked last.</summary>
    private sealed class SealingStream(Stream output, byte[] header, byte[] key) : Stream
    {
        private readonly AesGcm aes = new(key, TagSize);
        private readonly byte[] buffer = new byte[ChunkSize];
        private readonly byte[] sealedChunk = new byte[4 + ChunkSize + TagSize];
        private int filled;
        private ulong index;
        private bool disposed;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !disposed;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            while (data.Length > 0)
            {
                if (filled == ChunkSize) Seal(last: false);
                var take = Math.Min(ChunkSize - filled, data.Length);
                data[..take].CopyTo(buffer.AsSpan(filled));
                filled += take;
                data = data[take..];
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            Write(data.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !disposed)
            {
                Seal(last: true);
                output.Flush();
                aes.Dispose();
                disposed = true;
            }
            base.Dispose(disposing);
        }

        private void Seal(bool last)
        {
            var word = (uint)filled | (last ? LastChunk : 0);
            BinaryPrimitives.WriteUInt32BigEndian(sealedChunk, word);
            aes.Encrypt(Nonce(index++, word), buffer.AsSpan(0, filled), sealedChunk.AsSpan(4, filled), sealedChunk.AsSpan(4 + filled, TagSize),
                [.. header, .. sealedChunk.AsSpan(0, 4)]);
            output.Write(sealedChunk.AsSpan(0, 4 + filled + TagSize));
            filled = 0;
        }
    }
}
