using System.Security.Cryptography;
using Spean.Core.Protection;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Tests.Monitoring;

public sealed class EvidenceCipherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-keys-").FullName;
    private readonly KeyRing keys;

    public EvidenceCipherTests()
    {
        keys = new KeyRing(folder, TimeProvider.System);
        keys.CreateIfMissing();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(EvidenceCipher.ChunkSize - 1)]
    [InlineData(EvidenceCipher.ChunkSize)]
    [InlineData(EvidenceCipher.ChunkSize + 1)]
    [InlineData(3 * EvidenceCipher.ChunkSize + 12345)]
    public async Task Files_of_any_size_come_back_byte_for_byte(int size)
    {
        var original = RandomNumberGenerator.GetBytes(size);

        var encrypted = await EncryptAsync(original);

        Assert.Equal(original, await DecryptAsync(encrypted));
        Assert.True(encrypted.Length > size);
    }

    [Fact]
    public async Task A_flipped_byte_anywhere_is_detected()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(2 * EvidenceCipher.ChunkSize + 100));

        foreach (var position in new[] { 0, 9, 13, 27, 28, 5000, EvidenceCipher.ChunkSize + 40, encrypted.Length - 1 })
        {
            var tampered = (byte[])encrypted.Clone();
            tampered[position] ^= 0x80;
            await Assert.ThrowsAnyAsync<CryptographicException>(() => DecryptAsync(tampered));
        }
    }

    [Fact]
    public async Task A_file_cut_after_a_whole_chunk_is_detected()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(2 * EvidenceCipher.ChunkSize + 100));
        var cut = encrypted[..(28 + 2 * (EvidenceCipher.ChunkSize + 16))];

        var error = await Assert.ThrowsAsync<CryptographicException>(() => DecryptAsync(cut));
        Assert.Contains("ends early", error.Message);
    }

    [Fact]
    public async Task Swapped_chunks_and_bytes_added_at_the_end_are_detected()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(2 * EvidenceCipher.ChunkSize + 100));
        const int sealedChunk = EvidenceCipher.ChunkSize + 16;
        byte[] swapped = [.. encrypted[..28], .. encrypted[(28 + sealedChunk)..(28 + 2 * sealedChunk)], .. encrypted[28..(28 + sealedChunk)], .. encrypted[(28 + 2 * sealedChunk)..]];

        await Assert.ThrowsAnyAsync<CryptographicException>(() => DecryptAsync(swapped));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => DecryptAsync([.. encrypted, 0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EvidenceCipher.ChunkSize)]
    [InlineData(3 * EvidenceCipher.ChunkSize + 12345)]
    public async Task The_seekable_reader_gives_the_original_bytes_from_any_position(int size)
    {
        var original = RandomNumberGenerator.GetBytes(size);
        using var encrypted = new MemoryStream(await EncryptAsync(original));

        await using var reader = await EvidenceCipher.SeekableReader.OpenAsync(encrypted, keys, default);

        Assert.Equal(size, reader.Length);
        foreach (var position in new[] { size / 2, 0, Math.Max(0, size - 7), size / 3 })
        {
            reader.Position = position;
            var part = new byte[Math.Min(70_000, size - position)];
            await reader.ReadExactlyAsync(part);
            Assert.Equal(original.AsSpan(position, part.Length).ToArray(), part);
        }
        reader.Position = size;
        Assert.Equal(0, await reader.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task The_seekable_reader_detects_a_file_cut_after_a_whole_chunk_and_a_changed_byte()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(2 * EvidenceCipher.ChunkSize + 100));
        var cut = encrypted[..(28 + 2 * (EvidenceCipher.ChunkSize + 16))];
        var changed = (byte[])encrypted.Clone();
        changed[28 + EvidenceCipher.ChunkSize + 16 + 5] ^= 1;

        await Assert.ThrowsAsync<CryptographicException>(() => EvidenceCipher.SeekableReader.OpenAsync(new MemoryStream(cut), keys, default));
        await using var reader = await EvidenceCipher.SeekableReader.OpenAsync(new MemoryStream(changed), keys, default);
        reader.Position = EvidenceCipher.ChunkSize + 10;
        await Assert.ThrowsAsync<CryptographicException>(async () => await reader.ReadExactlyAsync(new byte[10]));
    }

    private async Task<byte[]> EncryptAsync(byte[] plain)
    {
        using var output = new MemoryStream();
        var (id, key) = keys.Current;
        using var writer = new EvidenceCipher.Writer(output, id, key);
        foreach (var piece in plain.Chunk(10_000)) await writer.WriteAsync(piece, default);
        await writer.CompleteAsync(default);
        return output.ToArray();
    }

    private async Task<byte[]> DecryptAsync(byte[] encrypted)
    {
        using var output = new MemoryStream();
        await foreach (var chunk in EvidenceCipher.ReadAsync(new MemoryStream(encrypted), keys, default)) output.Write(chunk.Span);
        return output.ToArray();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
