using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Spean.Core.Protection;

namespace Spean.Core.Monitoring.Evidence;

/// <summary>
/// The at-rest format of evidence files, streamed so a 200 MB video never sits in memory.
/// Header: "SPEANEV1", key id (4 bytes), salt (16). The file key is HKDF(ring key, salt). The plaintext is cut
/// into 64 KiB chunks, each sealed with AES-256-GCM under nonce = chunk number (8 bytes) + final flag, with
/// the header as associated data: a changed byte, a swapped, dropped or added chunk, added bytes or a cut-off end fail.
/// A full-size chunk is never the last one, so a reader knows the last chunk by its shorter length.
/// </summary>
internal static class EvidenceCipher
{
    public const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private const int HeaderSize = 8 + 4 + 16;
    private static readonly byte[] Magic = "SPEANEV1"u8.ToArray();

    public sealed class Writer : IDisposable
    {
        private readonly Stream output;
        private readonly AesGcm aes;
        private readonly byte[] header = new byte[HeaderSize];
        private readonly byte[] buffer = new byte[ChunkSize];
        private readonly byte[] sealedChunk = new byte[ChunkSize + TagSize];
        private int buffered;
        private ulong chunk;

        public Writer(Stream output, uint keyId, byte[] ringKey)
        {
            this.output = output;
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), keyId);
            RandomNumberGenerator.Fill(header.AsSpan(12));
            aes = new AesGcm(FileKey(ringKey, header), TagSize);
            output.Write(header);
        }

        private Writer(Stream output, byte[] header, byte[] ringKey, ulong chunk)
        {
            this.output = output;
            header.CopyTo(this.header, 0);
            aes = new AesGcm(FileKey(ringKey, header), TagSize);
            this.chunk = chunk;
        }

        /// <summary>
        /// Goes on writing a file whose writing stopped: the whole chunks stay, a chunk cut off mid-way and the bytes never
        /// sealed are gone. Null when the file holds no whole header (it was cut off before any chunk).
        /// </summary>
        public static async Task<Writer?> ResumeAsync(Stream file, KeyRing keys, CancellationToken cancellationToken)
        {
            file.Position = 0;
            var header = new byte[HeaderSize];
            if (await file.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken) < HeaderSize
                || !header.AsSpan(0, 8).SequenceEqual(Magic))
                return null;
            var ringKey = keys.Find(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8)));
            var chunks = WholeChunks(file.Length);
            file.SetLength(HeaderSize + chunks * (ChunkSize + TagSize));
            file.Position = file.Length;
            return new Writer(file, header, ringKey, (ulong)chunks);
        }

        /// <summary>How many of the original bytes the file holds sealed: its whole chunks.</summary>
        public long Written => (long)chunk * ChunkSize;

        public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            while (!data.IsEmpty)
            {
                var take = Math.Min(data.Length, ChunkSize - buffered);
                data[..take].CopyTo(buffer.AsMemory(buffered));
                buffered += take;
                data = data[take..];
                if (buffered == ChunkSize) await SealAsync(final: false, cancellationToken);
            }
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => SealAsync(final: true, cancellationToken);

        private async Task SealAsync(bool final, CancellationToken cancellationToken)
        {
            aes.Encrypt(Nonce(chunk++, final), buffer.AsSpan(0, buffered), sealedChunk.AsSpan(0, buffered),
                sealedChunk.AsSpan(buffered, TagSize), header);
            await output.WriteAsync(sealedChunk.AsMemory(0, buffered + TagSize), cancellationToken);
            buffered = 0;
        }

        public void Dispose() => aes.Dispose();
    }

    /// <summary>How many whole chunks a file of this length holds after its header.</summary>
    public static long WholeChunks(long fileLength) => Math.Max(0, fileLength - HeaderSize) / (ChunkSize + TagSize);

    /// <summary>The key an encrypted file names in its header.</summary>
    public static async Task<uint> ReadKeyIdAsync(Stream input, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        await ReadHeaderAsync(input, header, cancellationToken);
        return BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
    }

    /// <summary>The original bytes, chunk by chunk. The memory handed out is reused for the next chunk.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(
        Stream input, KeyRing keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        await ReadHeaderAsync(input, header, cancellationToken);
        using var aes = new AesGcm(FileKey(keys.Find(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8))), header), TagSize);
        var sealedChunk = new byte[ChunkSize + TagSize];
        var plain = new byte[ChunkSize];
        for (ulong chunk = 0; ; chunk++)
        {
            var read = await input.ReadAtLeastAsync(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < TagSize)
                throw new CryptographicException("The encrypted file ends early: its last part is missing.");
            var final = read < sealedChunk.Length;
            var length = read - TagSize;
            try
            {
                aes.Decrypt(Nonce(chunk, final), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, TagSize), plain.AsSpan(0, length), header);
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new CryptographicException($"The encrypted file was altered: part {chunk + 1} fails its integrity check.", e);
            }
            yield return plain.AsMemory(0, length);
            if (final) yield break;
        }
    }

    /// <summary>
    /// The original bytes as a read-only stream that can seek, for formats whose metadata is found by jumping
    /// from box to box (a video's index may sit after its media data). Only one chunk is held in memory, and
    /// each is checked before any of its bytes is handed out; the length comes from the encrypted file's size,
    /// so a file cut after a whole chunk fails here too.
    /// </summary>
    public sealed class SeekableReader : Stream
    {
        private const int SealedSize = ChunkSize + TagSize;
        private readonly Stream input;
        private readonly byte[] header;
        private readonly AesGcm aes;
        private readonly long chunks;
        private readonly byte[] sealedChunk = new byte[SealedSize];
        private readonly byte[] plain = new byte[ChunkSize];
        private long loaded = -1;
        private int loadedLength;
        private long position;

        private SeekableReader(Stream input, byte[] header, byte[] ringKey, long chunks, long length)
        {
            this.input = input;
            this.header = header;
            aes = new AesGcm(FileKey(ringKey, header), TagSize);
            this.chunks = chunks;
            Length = length;
        }

        /// <param name="input">The encrypted file, readable and seekable; it stays open after this reader is disposed.</param>
        public static async Task<SeekableReader> OpenAsync(Stream input, KeyRing keys, CancellationToken cancellationToken)
        {
            var header = new byte[HeaderSize];
            input.Position = 0;
            await ReadHeaderAsync(input, header, cancellationToken);
            var sealedBytes = input.Length - HeaderSize;
            var last = sealedBytes % SealedSize;
            if (last < TagSize) throw new CryptographicException("The encrypted file ends early: its last part is missing.");
            var whole = sealedBytes / SealedSize;
            return new SeekableReader(input, header, keys.Find(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8))),
                whole + 1, whole * ChunkSize + last - TagSize);
        }

        public override long Length { get; }

        public override long Position
        {
            get => position;
            set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => Length + offset,
        };

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position >= Length || buffer.IsEmpty) return 0;
            var chunk = position / ChunkSize;
            if (chunk != loaded)
            {
                input.Position = HeaderSize + chunk * SealedSize;
                var length = (int)Math.Min(SealedSize, input.Length - input.Position);
                input.ReadExactly(sealedChunk, 0, length);
                Open(chunk, length);
            }
            return Copy(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position >= Length || buffer.IsEmpty) return 0;
            var chunk = position / ChunkSize;
            if (chunk != loaded)
            {
                input.Position = HeaderSize + chunk * SealedSize;
                var length = (int)Math.Min(SealedSize, input.Length - input.Position);
                await input.ReadExactlyAsync(sealedChunk.AsMemory(0, length), cancellationToken);
                Open(chunk, length);
            }
            return Copy(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Open(long chunk, int sealedLength)
        {
            loaded = -1;
            var length = sealedLength - TagSize;
            try
            {
                aes.Decrypt(Nonce((ulong)chunk, chunk == chunks - 1), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, TagSize),
                    plain.AsSpan(0, length), header);
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new CryptographicException($"The encrypted file was altered: part {chunk + 1} fails its integrity check.", e);
            }
            loaded = chunk;
            loadedLength = length;
        }

        private int Copy(Span<byte> buffer)
        {
            var from = (int)(position - loaded * ChunkSize);
            var count = Math.Min(buffer.Length, loadedLength - from);
            plain.AsSpan(from, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) aes.Dispose();
            base.Dispose(disposing);
        }
    }

    private static async Task ReadHeaderAsync(Stream input, byte[] header, CancellationToken cancellationToken)
    {
        var read = await input.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (read < HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Magic))
            throw new CryptographicException("This is not an evidence file Spean encrypted (unknown header).");
    }

    private static byte[] FileKey(byte[] ringKey, byte[] header) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ringKey, 32, salt: header.AsSpan(12, 16).ToArray(), info: "Spean evidence file"u8.ToArray());

    private static byte[] Nonce(ulong chunk, bool final)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt64BigEndian(nonce, chunk);
        nonce[11] = final ? (byte)1 : (byte)0;
        return nonce;
    }
}
