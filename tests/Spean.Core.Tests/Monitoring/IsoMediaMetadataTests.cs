using System.Buffers.Binary;
using static Spean.Testing.Monitoring.SampleMedia;

namespace Spean.Core.Tests.Monitoring;

public sealed class IsoMediaMetadataTests
{
    [Theory]
    [InlineData("video/mp4", "mp42")]
    [InlineData("video/quicktime", "qt  ")]
    [InlineData("audio/mp4", "M4A ")]
    public async Task The_public_copy_has_no_position_device_witness_or_clock_and_the_same_media_at_the_same_offsets(string type, string brand)
    {
        var original = Mp4(brand);

        var copy = await PublicCopyAsync(type, original);

        Assert.True(Holds(original, Iso6709) && Holds(original, "iPhone 8") && Holds(original, "samsung") && Holds(original, "Sokha"));
        foreach (var gone in new[] { Iso6709, "+13.8047", "iPhone", "samsung", "Sokha", "com.apple.quicktime", "xmpmeta" }) Assert.False(Holds(copy, gone), gone);
        Assert.Equal(-1, copy.AsSpan().IndexOf(U32(DeviceClock)));
        Assert.Equal(original.Length, copy.Length);
        Assert.Equal(Pictures, copy[PicturesOffsetInMp4..(PicturesOffsetInMp4 + Pictures.Length)]);

        var top = Boxes(copy, 0, copy.Length);
        Assert.Equal(["ftyp", "mdat", "moov", "free"], top.Select(b => b.Type));
        var moov = top[2];
        Assert.Equal(["mvhd", "trak", "trak", "free", "free"], Boxes(copy, moov.Start + 8, moov.End).Select(b => b.Type));
        var videoTrack = Boxes(copy, moov.Start + 8, moov.End)[1];
        var stco = copy.AsSpan(videoTrack.Start, videoTrack.End - videoTrack.Start).IndexOf("stco"u8) + videoTrack.Start;
        Assert.Equal((uint)PicturesOffsetInMp4, BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(stco + 12)));
    }

    [Fact]
    public async Task A_HEIC_photo_keeps_its_picture_item_and_loses_the_bytes_of_its_Exif_item()
    {
        var original = Heic();

        var copy = await PublicCopyAsync("image/heic", original);

        Assert.True(Holds(original, "Galaxy A12") && original.AsSpan().IndexOf(Exif.AsSpan()[^48..]) >= 0);
        Assert.False(Holds(copy, "Galaxy") || Holds(copy, "samsung") || Holds(copy, "Exif\0\0II*"));
        Assert.Equal(-1, copy.AsSpan().IndexOf(Exif.AsSpan()[^48..]));
        Assert.Equal(original.Length, copy.Length);
        var top = Boxes(copy, 0, copy.Length);
        Assert.Equal(["ftyp", "meta", "mdat"], top.Select(b => b.Type));
        Assert.Equal(original[top[1].Start..top[1].End], copy[top[1].Start..top[1].End]);
        Assert.Equal(Pictures, copy[(top[2].Start + 8)..(top[2].Start + 8 + Pictures.Length)]);
    }

    [Fact]
    public async Task A_box_that_claims_more_bytes_than_the_file_has_is_refused()
    {
        var original = Mp4();
        var cut = original[..^20];
        var lying = (byte[])original.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(lying.AsSpan(24), 0x7FFFFFFF);

        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("video/mp4", cut));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("video/mp4", lying));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("video/mp4", [.. original, 1, 2, 3]));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("image/heic", Heic()[..^10]));
    }

    [Fact]
    public async Task A_video_with_boxes_nested_a_million_deep_is_refused_without_overflowing_the_stack()
    {
        const int levels = 1_000_000;
        var ftyp = Mp4()[..24];
        var video = new byte[ftyp.Length + 8 * levels];
        ftyp.CopyTo(video, 0);
        for (var level = 0; level < levels; level++)
        {
            var at = ftyp.Length + 8 * level;
            BinaryPrimitives.WriteUInt32BigEndian(video.AsSpan(at), (uint)(8 * (levels - level)));
            "trak"u8.CopyTo(video.AsSpan(at + 4));
        }
        "moov"u8.CopyTo(video.AsSpan(ftyp.Length + 4));

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Task.Run(() => PublicCopyAsync("video/mp4", video)));

        Assert.Contains("nests", refused.Message, StringComparison.Ordinal);
    }
}
