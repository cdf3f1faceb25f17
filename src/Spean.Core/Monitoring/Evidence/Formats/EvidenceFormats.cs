using System.Runtime.CompilerServices;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>Photos are shown in the page, videos and recordings played, documents linked.</summary>
public enum EvidenceKind { Photo, Image, Video, Recording, Document }

/// <summary>One kind of evidence Spean accepts: how it is named and saved, and how its facts and its public copy are made.</summary>
/// <param name="Label">The format's own name ("PDF", "Word"), the same in every language.</param>
/// <param name="ReadFacts">Reads capture facts from the original (readable, seekable); null where the format has no standard field for them.</param>
/// <param name="WritePublicCopy">Writes the original (readable, seekable) without GPS, device, author names and capture times.</param>
public sealed record EvidenceFormat(
    string ContentType,
    string Extension,
    string Label,
    EvidenceKind Kind,
    Func<Stream, CaptureFacts>? ReadFacts,
    Func<Stream, Stream, CancellationToken, Task> WritePublicCopy);

/// <summary>
/// Every format of evidence, in one table: the readers, the public copies, the download names and the labels on the
/// report page all read it, so a new format is one line here (docs/adr/0007-public-copies-of-evidence.md).
/// </summary>
public static class EvidenceFormats
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Odt = "application/vnd.oasis.opendocument.text";

    public static readonly IReadOnlyList<EvidenceFormat> All =
    [
        new("image/jpeg", ".jpg", "JPEG", EvidenceKind.Photo, o => JpegMetadata.Read(Head(o)),
            (o, to, c) => JpegMetadata.WriteWithoutMetadataAsync(Chunks(o, c), to, c)),
        new("image/png", ".png", "PNG", EvidenceKind.Photo, o => PngMetadata.Read(Head(o)),
            (o, to, c) => PngMetadata.WriteWithoutMetadataAsync(Chunks(o, c), to, c)),
        new("image/webp", ".webp", "WebP", EvidenceKind.Photo, RiffMetadata.ReadWebp, RiffMetadata.WriteWebpWithoutMetadataAsync),
        new("image/heic", ".heic", "HEIC", EvidenceKind.Image, IsoMediaFacts.ReadHeic,
            (o, to, c) => IsoMediaMetadata.WriteWithoutMetadataAsync(o, to, photo: true, c)),
        new("video/mp4", ".mp4", "MP4", EvidenceKind.Video, IsoMediaFacts.ReadMovie, Movie),
        new("video/quicktime", ".mov", "MOV", EvidenceKind.Video, IsoMediaFacts.ReadMovie, Movie),
        new("audio/mp4", ".m4a", "M4A", EvidenceKind.Recording, IsoMediaFacts.ReadMovie, Movie),
        new("audio/mpeg", ".mp3", "MP3", EvidenceKind.Recording, Mp3Metadata.Read, Mp3Metadata.WriteWithoutMetadataAsync),
        // OGG comments have no standard field for a time of day, a place or a device.
        new("audio/ogg", ".ogg", "OGG", EvidenceKind.Recording, null, OggMetadata.WriteWithoutMetadataAsync),
        new("audio/wav", ".wav", "WAV", EvidenceKind.Recording, RiffMetadata.ReadWav, RiffMetadata.WriteWavWithoutMetadataAsync),
        new("application/pdf", ".pdf", "PDF", EvidenceKind.Document, PdfMetadata.Read, PdfMetadata.WriteWithoutMetadataAsync),
        new(Docx, ".docx", "Word", EvidenceKind.Document, OfficeMetadata.Read, OfficeMetadata.WriteWithoutMetadataAsync),
        new(Xlsx, ".xlsx", "Excel", EvidenceKind.Document, OfficeMetadata.Read, OfficeMetadata.WriteWithoutMetadataAsync),
        new(Odt, ".odt", "OpenDocument", EvidenceKind.Document, OfficeMetadata.Read, OfficeMetadata.WriteWithoutMetadataAsync),
    ];

    private static readonly Dictionary<string, EvidenceFormat> ByType = All.ToDictionary(f => f.ContentType, StringComparer.Ordinal);

    /// <summary>The format of a stored content type; null for one Spean does not accept.</summary>
    public static EvidenceFormat? Of(string contentType) => ByType.GetValueOrDefault(contentType);

    private static Task Movie(Stream original, Stream output, CancellationToken cancellationToken) =>
        IsoMediaMetadata.WriteWithoutMetadataAsync(original, output, photo: false, cancellationToken);

    /// <summary>Photos keep their EXIF near the start: JPEG in an APP1 segment, PNG in a chunk before the image data.</summary>
    private static byte[] Head(Stream original) => ByteEdits.Read(original, 0, (int)Math.Min(original.Length, 256 * 1024));

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(Stream original, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[EvidenceCipher.ChunkSize];
        int read;
        while ((read = await original.ReadAsync(buffer, cancellationToken)) > 0) yield return buffer.AsMemory(0, read);
    }
}
