using System.Text;
using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Core.Tests.Monitoring;

public sealed class JpegMetadataTests
{
    [Fact]
    public void Capture_time_position_and_camera_come_from_the_EXIF()
    {
        var photo = SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802));

        var facts = JpegMetadata.Read(photo);

        Assert.Equal(new DateTime(2025, 3, 14, 2, 26, 53, DateTimeKind.Utc), facts.CapturedAt);
        Assert.Equal(13.8047, facts.Latitude!.Value, 4);
        Assert.Equal(104.9802, facts.Longitude!.Value, 4);
        Assert.Equal("samsung Galaxy A12", facts.Device);
    }

    [Fact]
    public void Without_a_time_zone_the_capture_time_is_taken_as_Cambodian_and_southern_west_positions_are_negative()
    {
        var photo = SampleFiles.Jpeg(SampleFiles.Exif("Apple", "Apple iPhone 8", "2024:12:01 18:00:00", null, -33.5, -70.25));

        var facts = JpegMetadata.Read(photo);

        Assert.Equal(new DateTime(2024, 12, 1, 11, 0, 0, DateTimeKind.Utc), facts.CapturedAt);
        Assert.Equal((-33.5, -70.25), (Math.Round(facts.Latitude!.Value, 4), Math.Round(facts.Longitude!.Value, 4)));
        Assert.Equal("Apple iPhone 8", facts.Device);
    }

    [Fact]
    public void A_photo_without_EXIF_has_no_facts_and_broken_EXIF_does_not_throw()
    {
        Assert.Equal(CaptureFacts.None, JpegMetadata.Read(SampleFiles.Jpeg()));
        var exif = SampleFiles.Exif("Nokia", "C21", "2025:01:01 00:00:00", null, 11.5, 104.9);
        Assert.Null(JpegMetadata.Read(SampleFiles.Jpeg(exif[..40])).Latitude);
    }

    [Fact]
    public async Task The_public_copy_has_no_EXIF_XMP_or_comment_and_the_same_image_data()
    {
        var photo = SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802), comment: "Sokha's house");

        using var output = new MemoryStream();
        await JpegMetadata.WriteWithoutMetadataAsync(Chunks(photo, 100), output);
        var copy = output.ToArray();

        var text = Encoding.Latin1.GetString(copy);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("Galaxy", text);
        Assert.DoesNotContain("Sokha", text);
        Assert.DoesNotContain("xmpmeta", text);
        Assert.Equal(CaptureFacts.None, JpegMetadata.Read(copy));
        Assert.Equal(photo.AsSpan(photo.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA])).ToArray(),
            copy.AsSpan(copy.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA])).ToArray());
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], copy[..4]);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] data, int size)
    {
        foreach (var chunk in data.Chunk(size))
        {
            await Task.Yield();
            yield return chunk;
        }
    }
}
