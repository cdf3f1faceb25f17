using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Spean.Core.Monitoring;

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
