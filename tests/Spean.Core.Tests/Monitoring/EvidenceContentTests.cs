using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Core.Tests.Monitoring;

public sealed class EvidenceContentTests
{
    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "JPEG", SampleFiles.Jpeg(), "image/jpeg" },
        { "PNG", SampleFiles.Png(), "image/png" },
        { "WebP", [.. "RIFF"u8, 0, 1, 0, 0, .. "WEBPVP8 "u8, .. new byte[60]], "image/webp" },
        { "HEIC", SampleFiles.IsoMedia("heic"), "image/heic" },
        { "MP4", SampleFiles.IsoMedia("isom"), "video/mp4" },
        { "MOV", SampleFiles.IsoMedia("qt  "), "video/quicktime" },
        { "M4A", SampleFiles.IsoMedia("M4A "), "audio/mp4" },
        { "MP3 with ID3", [.. "ID3"u8, 4, 0, 0, .. new byte[60]], "audio/mpeg" },
        { "MP3 frame", [0xFF, 0xFB, 0x90, 0x64, .. new byte[60]], "audio/mpeg" },
        { "OGG", [.. "OggS"u8, 0, 2, .. new byte[60]], "audio/ogg" },
        { "WAV", [.. "RIFF"u8, 0, 1, 0, 0, .. "WAVEfmt "u8, .. new byte[60]], "audio/wav" },
        { "PDF", SampleFiles.Pdf(), "application/pdf" },
        { "DOCX", SampleFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "XLSX", SampleFiles.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "ODT", SampleFiles.Odt(), "application/vnd.oasis.opendocument.text" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_kinds_are_recognised_by_their_bytes(string kind, byte[] file, string contentType)
    {
        Assert.Equal((kind, contentType), (kind, Detect(file).ContentType));
    }

    public static TheoryData<byte[], string> Refused => new()
    {
        { [.. "GIF89a"u8, .. new byte[60]], "a GIF image" },
        { [.. "MZ"u8, 0x90, 0, .. new byte[60]], "a Windows program" },
        { "<html><body>not a photo</body></html>"u8.ToArray(), "plain text or HTML" },
        { SampleFiles.Zip(("notes.txt", "hello")), "a ZIP archive that is not a Word, Excel or OpenDocument text file" },
        { [0x00, 0x13, 0x37, 0x42, 0xAB, 0xCD, 0x01, 0x02, .. new byte[60]], "unrecognised content starting with 00133742ABCD0102" },
        { [0xFF, 0xF1, 0x50, 0x80, .. new byte[60]], "unrecognised content starting with FFF1508000000000" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Other_content_is_refused_and_named(byte[] file, string found)
    {
        var content = Detect(file);

        Assert.Null(content.ContentType);
        Assert.Equal(found, content.Found);
    }

    private static EvidenceContent Detect(byte[] file)
    {
        var content = EvidenceContent.Detect(file.AsSpan(0, Math.Min(file.Length, EvidenceContent.HeadSize)));
        return content.IsZip ? EvidenceContent.DetectZip(file.AsSpan(0, Math.Min(file.Length, 4096)), file) : content;
    }
}
