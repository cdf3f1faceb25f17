using System.Buffers.Binary;
using System.Text;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>What a file is, judged by its first bytes (and for Office documents by the names inside the ZIP), never by its name.</summary>
/// <param name="ContentType">The MIME type when the file is a kind of evidence Spean accepts; null otherwise.</param>
/// <param name="Found">What the bytes are, in words a person understands.</param>
public sealed record EvidenceContent(string? ContentType, string Found)
{
    public const string Accepted =
        "photos (JPEG, PNG, WebP, HEIC), video (MP4, MOV), audio (M4A, MP3, OGG, WAV), PDF, Word (DOCX), Excel (XLSX) or OpenDocument text (ODT)";

    /// <summary>Enough of the start of a file to decide.</summary>
    public const int HeadSize = 64;

    public bool IsZip => Found == ZipFound;

    private const string ZipFound = "a ZIP archive";

    public static EvidenceContent Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new("image/jpeg", "a JPEG photo");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", "a PNG image");
        if (head.StartsWith("RIFF"u8) && head.Length >= 12)
        {
            if (head[8..12].SequenceEqual("WEBP"u8)) return new("image/webp", "a WebP image");
            if (head[8..12].SequenceEqual("WAVE"u8)) return new("audio/wav", "a WAV recording");
            if (head[8..12].SequenceEqual("AVI "u8)) return new(null, "an AVI video");
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return IsoMedia(Encoding.ASCII.GetString(head[8..12]));
        if (head.Length >= 8 && (head[4..8].SequenceEqual("moov"u8) || head[4..8].SequenceEqual("mdat"u8) || head[4..8].SequenceEqual("wide"u8)))
            return new("video/quicktime", "a QuickTime (MOV) video");
        if (head.StartsWith("OggS"u8)) return new("audio/ogg", "an OGG recording");
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE6) == 0xE2))
            return new("audio/mpeg", "an MP3 recording");
        if (head.StartsWith("%PDF-"u8)) return new("application/pdf", "a PDF document");
        if (head.StartsWith("PK\u0003\u0004"u8)) return new(null, ZipFound);
        return Unsupported(head);
    }

    /// <summary>Tells Word, Excel and OpenDocument files from other ZIP archives by the names of the entries they hold.</summary>
    /// <param name="head">The first bytes: an OpenDocument file starts with its uncompressed "mimetype" entry.</param>
    /// <param name="tail">The last bytes, which hold the ZIP's central directory.</param>
    public static EvidenceContent DetectZip(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        if (head.Length >= 77 && head[30..38].SequenceEqual("mimetype"u8) && head[38..77].SequenceEqual("application/vnd.oasis.opendocument.text"u8))
            return new("application/vnd.oasis.opendocument.text", "an OpenDocument text");
        var names = ZipEntryNames(tail);
        if (names is null) return new(null, "a ZIP archive whose list of contents could not be read");
        if (names.Contains("word/document.xml"))
            return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document");
        if (names.Contains("xl/workbook.xml"))
            return new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook");
        return new(null, "a ZIP archive that is not a Word, Excel or OpenDocument text file");
    }

    private static EvidenceContent IsoMedia(string brand) => brand switch
    {
        "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1" => new("image/heic", "a HEIC photo"),
        "avif" or "avis" => new(null, "an AVIF image"),
        "M4A " or "M4B " => new("audio/mp4", "an M4A recording"),
        "qt  " => new("video/quicktime", "a QuickTime (MOV) video"),
        _ => new("video/mp4", "an MP4 video"),
    };

    private static EvidenceContent Unsupported(ReadOnlySpan<byte> head)
    {
        string? known =
            head.StartsWith("GIF8"u8) ? "a GIF image"
            : head.StartsWith("BM"u8) ? "a BMP image"
            : head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? "a TIFF image"
            : head.StartsWith("MZ"u8) ? "a Windows program"
            : head.StartsWith("\u007FELF"u8) ? "a Linux program"
            : head.StartsWith("Rar!"u8) ? "a RAR archive"
            : head.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF]) ? "a 7-Zip archive"
            : head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "a gzip archive"
            : head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? "an old Office (DOC/XLS) file"
            : head.StartsWith("{\\rtf"u8) ? "an RTF document"
            : LooksLikeText(head) ? "plain text or HTML"
            : null;
        return new(null, known ?? $"unrecognised content starting with {Convert.ToHexString(head[..Math.Min(8, head.Length)])}");
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head) =>
        head.Length > 0 && !head.ContainsAnyInRange((byte)0, (byte)8);

    /// <summary>Reads the central directory at the end of a ZIP; null when the tail does not hold all of it.</summary>
    private static HashSet<string>? ZipEntryNames(ReadOnlySpan<byte> tail)
    {
        var end = tail.LastIndexOf("PK\u0005\u0006"u8);
        if (end < 0 || end + 22 > tail.Length) return null;
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail[(end + 10)..]);
        // The directory's size is the file's word: read as a signed number, a size near 2^32 put the start past int's
        // range and the bounds check overflowed with it.
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail[(end + 12)..]);
        if (size > end) return null;
        var position = end - (int)size;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries; i++)
        {
            if (position > end - 46 || !tail[position..].StartsWith("PK\u0001\u0002"u8)) return null;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(tail[(position + 28)..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(tail[(position + 30)..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail[(position + 32)..]);
            if (nameLength > end - 46 - position) return null;
            names.Add(Encoding.UTF8.GetString(tail.Slice(position + 46, nameLength)));
            position += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }
}
