using static Spean.Testing.Monitoring.SampleMedia;

namespace Spean.Core.Tests.Monitoring;

public sealed class Mp3MetadataTests
{
    [Fact]
    public async Task The_copy_is_the_audio_frames_alone_without_ID3v2_APE_or_ID3v1_tags()
    {
        var original = Mp3();

        var copy = await PublicCopyAsync("audio/mpeg", original);

        Assert.True(Holds(original, "Sokha Chan") && Holds(original, "Galaxy A12") && Holds(original, "+13.8047"));
        Assert.Equal(Mp3Frames, copy);
    }

    [Fact]
    public async Task An_ID3_tag_larger_than_the_file_or_no_audio_after_the_tags_is_refused()
    {
        var original = Mp3();
        var lying = (byte[])original.Clone();
        lying[6] = 0x7F;

        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("audio/mpeg", lying));
        await Assert.ThrowsAsync<InvalidDataException>(() => PublicCopyAsync("audio/mpeg", [.. original[..30], .. "plain text"u8]));
    }
}
