using System.Text;
using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Core.Tests.Monitoring;

public sealed class PngMetadataTests
{
    private static readonly byte[] Image = SampleFiles.Png(
        SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802), "Witness Sokha Chan's house");

    [Fact]
    public void Capture_time_position_and_camera_come_from_the_eXIf_chunk()
    {
        var facts = PngMetadata.Read(Image);

        Assert.Equal(new DateTime(2025, 3, 14, 2, 26, 53, DateTimeKind.Utc), facts.CapturedAt);
        Assert.Equal(13.8047, facts.Latitude!.Value, 4);
        Assert.Equal("samsung Galaxy A12", facts.Device);
        Assert.Equal(CaptureFacts.None, PngMetadata.Read(SampleFiles.Png()));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task The_public_copy_loses_the_EXIF_text_and_time_chunks_and_keeps_the_image_chunks_byte_for_byte(int piece)
    {
        byte[] trailing = [.. Image, .. "after the end: Sokha"u8];

        using var output = new MemoryStream();
        await PngMetadata.WriteWithoutMetadataAsync(Chunks(trailing, piece), output);
        var copy = output.ToArray();

        var text = Encoding.Latin1.GetString(copy);
        foreach (var gone in new[] { "eXIf", "tEXt", "tIME", "Galaxy", "Sokha" }) Assert.DoesNotContain(gone, text);
        Assert.Equal(CaptureFacts.None, PngMetadata.Read(copy));
        Assert.Equal(Slice(Image, "IHDR"), Slice(copy, "IHDR"));
        Assert.Equal(Image.AsSpan(Image.AsSpan().IndexOf("IDAT"u8) - 4).ToArray(), copy.AsSpan(copy.AsSpan().IndexOf("IDAT"u8) - 4).ToArray());
    }

    [Fact]
    public async Task A_cut_off_or_foreign_file_is_refused_rather_than_published_half_stripped()
    {
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<InvalidDataException>(() => PngMetadata.WriteWithoutMetadataAsync(Chunks(Image[..^6], 100), output));
        await Assert.ThrowsAsync<InvalidDataException>(() => PngMetadata.WriteWithoutMetadataAsync(Chunks(SampleFiles.Pdf(), 100), Stream.Null));
    }

    private static byte[] Slice(byte[] png, string type)
    {
        var at = png.AsSpan().IndexOf(Encoding.ASCII.GetBytes(type)) - 4;
        var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
        return png[at..(at + 12 + length)];
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] data, int size)
    {
        for (var i = 0; i < data.Length; i += size)
        {
            await Task.Yield();
            yield return data.AsMemory(i, Math.Min(size, data.Length - i));
        }
    }
}
