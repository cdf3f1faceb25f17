using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;
using static Spean.Testing.Monitoring.SampleMedia;

namespace Spean.Core.Tests.Monitoring;

/// <summary>The capture time, GPS position and device reviewers see for each kind of evidence, read as phones, recorders and editors write them.</summary>
public sealed class CaptureFactsTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly DateTime Taken = new(2025, 3, 14, 2, 26, 53, DateTimeKind.Utc);
    private static readonly CaptureFacts FromExif = new(Taken, 13.8047, 104.9802, "samsung Galaxy A12");

    [Fact]
    public void A_HEIC_photo_s_facts_come_from_its_Exif_item_and_a_WebP_s_from_its_EXIF_chunk()
    {
        AssertFacts(FromExif, Read("image/heic", Heic()));
        AssertFacts(FromExif, Read("image/webp", Webp()));
    }

    [Fact]
    public void An_iPhone_video_with_its_movie_box_at_the_end_gives_Apple_s_creation_date_with_its_offset_location_and_device()
    {
        var video = Movie("mp42", Since1904(Taken.AddMinutes(3)), 100_000, Keys(
            ("com.apple.quicktime.location.ISO6709", "+13.8047+104.9802+012.345/"),
            ("com.apple.quicktime.make", "Apple"),
            ("com.apple.quicktime.model", "iPhone 12"),
            ("com.apple.quicktime.software", "17.4"),
            ("com.apple.quicktime.creationdate", "2025-03-14T09:26:53+0700")));

        AssertFacts(new CaptureFacts(Taken, 13.8047, 104.9802, "Apple iPhone 12"), Read("video/mp4", video));
        // Apple's model alone, not joined to the ©mak another app left in the same file.
        Assert.Equal("iPhone 8", Read("video/mp4", Mp4()).Device);
    }

    [Fact]
    public void A_QuickTime_camera_s_user_data_and_an_Android_phone_s_keys_give_position_and_device_and_the_movie_header_the_time()
    {
        var camera = Movie("qt  ", Since1904(Taken), 3000, UserData(("\u00A9xyz", "-33.4500-070.6667/"), ("\u00A9mak", "Canon"), ("\u00A9mod", "Canon PowerShot SX740 HS")));
        var android = Movie("mp42", Since1904(Taken), 3000, UserData(("\u00A9xyz", "+11.5564+104.9282/")),
            Keys(("com.android.version", "14"), ("com.android.manufacturer", "samsung"), ("com.android.model", "SM-A125F")));

        AssertFacts(new CaptureFacts(Taken, -33.45, -70.6667, "Canon PowerShot SX740 HS"), Read("video/quicktime", camera));
        AssertFacts(new CaptureFacts(Taken, 11.5564, 104.9282, "samsung SM-A125F"), Read("video/mp4", android));
    }

    [Fact]
    public void A_recording_s_time_comes_from_its_iTunes_style_date_and_a_zero_movie_header_time_means_none()
    {
        var tagged = Movie("M4A ", 0, 3000, Box("udta", ITunesItems(("\u00A9day", "2025-03-14T09:26:53+07:00"), ("\u00A9nam", "Interview Sokha Chan"))));
        var untagged = Movie("M4A ", 0, 3000);

        AssertFacts(CaptureFacts.None with { CapturedAt = Taken }, Read("audio/mp4", tagged));
        Assert.Equal(CaptureFacts.None, Read("audio/mp4", untagged));
    }

    [Fact]
    public void A_position_off_the_globe_or_at_0_0_and_an_unreadable_date_are_left_out_and_the_other_facts_kept()
    {
        var offGlobe = Movie("mp42", Since1904(Taken), 3000, Keys(
            ("com.apple.quicktime.location.ISO6709", "+95.0000+104.9802/"), ("com.apple.quicktime.creationdate", "yesterday"), ("com.apple.quicktime.model", "iPhone 12")));
        var nowhere = Movie("mp42", 0, 3000, UserData(("\u00A9xyz", "+00.0000+000.0000/"), ("\u00A9mak", "samsung")));
        var degreesAndMinutes = Movie("mp42", 0, 3000, UserData(("\u00A9xyz", "+1348.282+10458.812/")));
        var photo = SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 0, 0));

        AssertFacts(new CaptureFacts(Taken, null, null, "iPhone 12"), Read("video/mp4", offGlobe));
        Assert.Equal(CaptureFacts.None with { Device = "samsung" }, Read("video/mp4", nowhere));
        Assert.Equal(CaptureFacts.None, Read("video/mp4", degreesAndMinutes));
        Assert.Equal(new CaptureFacts(Taken, null, null, "samsung Galaxy A12"), Read("image/jpeg", photo));
    }

    [Fact]
    public void An_MP3_s_recording_time_comes_from_ID3_and_its_encoder_is_no_device()
    {
        var version4 = Mp3(4, ("TDRC", "2025-03-14T09:26:53"), ("TSSE", "Lavf60.3.100"), ("TPE1", "Sokha Chan"));
        var version3 = Mp3(3, ("TYER", "2025"), ("TDAT", "1403"), ("TIME", "0926"), ("TSSE", "LAME 3.100"));
        var yearOnly = Mp3(3, ("TYER", "2025"));

        Assert.Equal(CaptureFacts.None with { CapturedAt = Taken }, Read("audio/mpeg", version4));
        Assert.Equal(CaptureFacts.None with { CapturedAt = new DateTime(2025, 3, 14, 2, 26, 0, DateTimeKind.Utc) }, Read("audio/mpeg", version3));
        Assert.Equal(CaptureFacts.None, Read("audio/mpeg", yearOnly));
        Assert.Equal(CaptureFacts.None, Read("audio/mpeg", Mp3Frames));
    }

    [Fact]
    public void Documents_give_their_creation_time_and_neither_their_author_nor_the_software_as_a_device()
    {
        Assert.Equal(CaptureFacts.None with { CapturedAt = Taken }, Read("application/pdf", SampleDocuments.Pdf()));
        Assert.Equal(CaptureFacts.None with { CapturedAt = Taken.AddSeconds(-53) }, Read(Docx, SampleDocuments.Docx()));
        Assert.Equal(CaptureFacts.None with { CapturedAt = Taken }, Read("application/vnd.oasis.opendocument.text", SampleDocuments.Odt()));
        Assert.Equal(CaptureFacts.None, Read("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SampleDocuments.Xlsx()));
    }

    [Fact]
    public void A_WAV_gives_its_broadcast_extension_s_local_recording_time_but_not_its_originator_and_an_OGG_gives_nothing()
    {
        Assert.Equal(CaptureFacts.None with { CapturedAt = Taken }, Read("audio/wav", Wav()));
        Assert.Equal(CaptureFacts.None, Read("audio/wav", Riff("WAVE", Chunk("fmt ", new byte[16]), Chunk("LIST", [.. "INFO"u8, .. Chunk("ICRD", "2025-03-14\0"u8.ToArray())]))));
        Assert.Equal(CaptureFacts.None, Read("audio/ogg", SampleOgg.Vorbis()));
    }

    public static TheoryData<string, byte[]> Broken => new()
    {
        { "video/mp4", Mp4()[..^20] },
        { "video/mp4", [.. Mp4(), 1, 2, 3] },
        { "image/heic", Heic(exifOutside: true) },
        { "image/webp", Webp()[..^30] },
        { "audio/wav", Wav()[..200] },
        { "audio/mpeg", [.. "ID3"u8, 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, .. Mp3Frames] },
        { "application/pdf", "%PDF-1.7\nnot really\n"u8.ToArray() },
        { Docx, SampleDocuments.Docx()[..^40] },
        { "image/jpeg", SampleFiles.Jpeg([.. "II*\0"u8, 0xF0, 0xFF, 0xFF, 0x7F, .. Enumerable.Repeat((byte)0xFF, 40)]) },
        { "image/heic", "Sokha"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Metadata_that_cannot_be_read_gives_no_facts_and_no_error(string contentType, byte[] original)
    {
        Assert.Equal(CaptureFacts.None, Read(contentType, original));
    }

    private static CaptureFacts Read(string contentType, byte[] original) => CaptureFacts.Read(contentType, new MemoryStream(original));

    private static void AssertFacts(CaptureFacts expected, CaptureFacts actual)
    {
        Assert.Equal((expected.CapturedAt, expected.Device), (actual.CapturedAt, actual.Device));
        Assert.Equal(expected.Latitude.HasValue, actual.Latitude.HasValue);
        if (expected.Latitude is { } latitude) Assert.Equal(latitude, actual.Latitude!.Value, 4);
        if (expected.Longitude is { } longitude) Assert.Equal(longitude, actual.Longitude!.Value, 4);
    }
}
