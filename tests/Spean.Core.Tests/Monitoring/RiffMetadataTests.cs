using System.Buffers.Binary;
using System.Text;
using static Spean.Testing.Monitoring.SampleMedia;

namespace Spean.Core.Tests.Monitoring;

public sealed class RiffMetadataTests
{
    [Fact]
    public async Task A_WebP_copy_loses_its_EXIF_and_XMP_chunks_and_flags_and_keeps_the_image_chunk_byte_for_byte()
    {
        var original = Webp();

        var copy = await PublicCopyAsync("image/webp", original);

        Assert.True(Holds(original, "Galaxy A12") && Holds(original, "Sokha"));
        var chunks = Chunks(copy);
        Assert.Equal(["VP8X", "VP8 "], chunks.Select(c => c.Type));
        Assert.Equal(0x10, chunks[0].Data[0]);
        Assert.Equal(Pictures[..101], chunks[1].Data);
        Assert.False(Holds(copy, "Galaxy") || Holds(copy, "Sokha") || Holds(copy, "EXIF"));
    }

    [Fact]
    public async Task A_WAV_copy_keeps_only_its_format_and_sound()
    {
        var original = Wav();

        var copy = await PublicCopyAsync("audio/wav", original);

        Assert.True(Holds(original, "Galaxy A12") && Holds(original, "Sokha Chan"));
        var chunks = Chunks(copy);
        Assert.Equal(["fmt ", "data"], chunks.Select(c => c.Type));
        Assert.Equal(Pictures[..1001], chunks[1].Data);
        Assert.False(Holds(copy, "Galaxy") || Holds(copy, "Sokha") || Holds(copy, "13.8047") || Holds(copy, "2025"));
    }

    [Fact]
    public async Task Bytes_after_the_RIFF_end_are_dropped_and_a_chunk_running_past_it_is_refused()
    {
        var trailing = await PublicCopyAsync("audio/wav", [.. Wav(), .. "Sokha"u8]);
        var lying = Wav();
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(16), 100_000);

        Assert.False(Holds(trailing, "Sokha"));
        Assert.Equal(["fmt ", "data"], Chunks(trailing).Select(c => c.Type));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("audio/wav", lying));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("image/webp", Webp()[..^30]));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("image/webp", Wav()));
    }

    /// <summary>The chunks of a RIFF file, checked to fill exactly the size its header gives, which must be the file's.</summary>
    private static List<(string Type, byte[] Data)> Chunks(byte[] riff)
    {
        Assert.Equal(riff.Length - 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(riff.AsSpan(4)));
        var chunks = new List<(string, byte[])>();
        for (var at = 12; at < riff.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(riff.AsSpan(at + 4));
            Assert.True(at + 8 + size <= riff.Length);
            chunks.Add((Encoding.ASCII.GetString(riff, at, 4), riff[(at + 8)..(at + 8 + size)]));
            at += 8 + size + size % 2;
        }
        return chunks;
    }
}
