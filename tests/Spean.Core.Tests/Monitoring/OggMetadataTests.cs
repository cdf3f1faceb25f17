using System.Text;
using Spean.Testing.Monitoring;

namespace Spean.Core.Tests.Monitoring;

public sealed class OggMetadataTests
{
    [Theory]
    [InlineData("opus")]
    [InlineData("vorbis")]
    public async Task The_copy_has_an_empty_comment_header_with_the_vendor_and_the_same_sound_packets_in_renumbered_checked_pages(string codec)
    {
        var original = codec == "opus" ? SampleOgg.Opus() : SampleOgg.Vorbis();

        var copy = await SampleMedia.PublicCopyAsync("audio/ogg", original);

        Assert.True(SampleMedia.Holds(original, "Sokha Chan") && SampleMedia.Holds(original, "Galaxy A12"));
        foreach (var gone in new[] { "Sokha", "Galaxy", "+13.8047", "ARTIST", "xxxxxxxx" }) Assert.False(SampleMedia.Holds(copy, gone), gone);
        var pages = SampleOgg.Pages(copy);
        Assert.Equal(Enumerable.Range(0, pages.Count).Select(i => (uint)i), pages.Select(p => p.Sequence));
        Assert.All(pages, p => Assert.Equal(SampleOgg.Serial, p.Serial));
        Assert.Equal(2, pages[0].Flags);
        Assert.Equal(4, pages[^1].Flags & 4);

        var before = SampleOgg.Packets(original);
        var after = SampleOgg.Packets(copy);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before[0], after[0]);
        Assert.Equal(before.TakeLast(SampleOgg.Audio.Length), after.TakeLast(SampleOgg.Audio.Length));
        if (codec == "vorbis") Assert.Equal(before[2], after[2]);
        var comment = after[1];
        var magic = codec == "opus" ? "OpusTags" : "\u0003vorbis";
        byte[] expected = [.. Encoding.ASCII.GetBytes(magic), .. BitConverter.GetBytes(SampleOgg.Vendor.Length), .. Encoding.ASCII.GetBytes(SampleOgg.Vendor), 0, 0, 0, 0,
            .. codec == "opus" ? [] : new byte[] { 1 }];
        Assert.Equal(expected, comment);
        Assert.True(copy.Length < original.Length - 70_000);
    }

    [Fact]
    public async Task A_damaged_page_a_cut_file_or_a_second_stream_is_refused()
    {
        var original = SampleOgg.Opus();
        var damaged = (byte[])original.Clone();
        damaged[^5] ^= 1;
        var first = SampleOgg.Pages(original)[0];
        var firstLength = 27 + first.Lacing.Length + first.Body.Length;

        await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync("audio/ogg", damaged));
        await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync("audio/ogg", original[..^5]));
        await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync("audio/ogg", [.. original, .. original[..firstLength]]));
    }
}
