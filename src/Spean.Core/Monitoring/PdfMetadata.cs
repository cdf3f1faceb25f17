using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Spean.Core.Monitoring;

/// <summary>
/// Writes copies of PDF documents without their metadata by copying every page into a new document (PdfPig):
/// the document information dictionary (author, creator, producer, dates), the catalog's XMP stream, outlines,
/// form definitions, attachments and scripts stay behind, since they hang off the catalog and not off the pages.
/// Annotations are left out too: comments and highlights carry their author's name. What the pages bring
/// along is cleaned as it is written: XMP streams (<c>/Metadata</c>) of pages, images and fonts, applications'
/// private data (<c>/PieceInfo</c>), modification dates, and the EXIF and XMP inside JPEG images. Objects that
/// only those keys referred to are still copied by PdfPig, unreferenced: XMP streams among them are emptied, but
/// an editor's private data kept in separate objects (Illustrator's) is not recognised and stays.
/// </summary>
internal static class PdfMetadata
{
    private static readonly HashSet<string> DroppedKeys = ["Metadata", "PieceInfo", "LastModified"];

    /// <summary>Lenient: scanners and phone apps often write cross-reference offsets that are a little off.</summary>
    private static ParsingOptions Lenient => new() { UseLenientParsing = true };

    /// <summary>
    /// The creation date of the information dictionary. Producer and Creator are not taken as the device: they name
    /// the software that wrote the PDF ("Microsoft Word", "Adobe Scan"), not a camera or recorder. The Author may
    /// be a witness, whose name Spean keeps only encrypted, so it is not read either.
    /// </summary>
    public static CaptureFacts Read(Stream original)
    {
        using var document = PdfDocument.Open(original, Lenient);
        return CaptureFacts.None with { CapturedAt = CaptureFacts.PdfTime(document.Information.CreationDate) };
    }

    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        try
        {
            using var document = PdfDocument.Open(original, Lenient);
            if (document.NumberOfPages == 0) throw new InvalidDataException("This PDF has no pages.");
            using var builder = new PdfDocumentBuilder(copy, disposeStream: false, PdfWriterType.Default, 1.7, new CleaningWriter())
            {
                IncludeDocumentInformation = false,
            };
            var options = new PdfDocumentBuilder.AddPageOptions { KeepAnnotations = false };
            for (var page = 1; page <= document.NumberOfPages; page++) builder.AddPage(document, page, options);
            builder.Build();
        }
        // PdfPig throws many kinds of exception for files it cannot read; a stored file that fails its integrity check is another matter.
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or IOException or CryptographicException))
        {
            throw new InvalidDataException("This PDF could not be read, so its metadata could not be removed.", e);
        }
        var bytes = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        WithStableId(bytes.Span);
        await output.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>
    /// PdfPig gives every new document a random /ID; the copy must be the same bytes for every reader (custody logs
    /// each distinct copy once), so the ID becomes a hash of the document before its trailer, in the same number of digits.
    /// </summary>
    private static void WithStableId(Span<byte> pdf)
    {
        var id = pdf.LastIndexOf("/ID [ <"u8);
        if (id < 0) return;
        var hash = Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(pdf[..id])));
        for (int at = id + 7, digit = 0; at < pdf.Length && pdf[at] != ']'; at++)
            if (char.IsAsciiHexDigit((char)pdf[at])) pdf[at] = hash[digit++ % hash.Length];
    }

    /// <summary>Writes tokens as PdfPig does, without the keys that carry metadata and with JPEG images cleaned.</summary>
    private sealed class CleaningWriter : ITokenWriter
    {
        private readonly TokenWriter writer = new();

        public bool WritingPageContents
        {
            get => writer.WritingPageContents;
            set => writer.WritingPageContents = value;
        }

        public void WriteToken(IToken token, Stream outputStream) => writer.WriteToken(Clean(token), outputStream);

        public void WriteObject(long objectNumber, int generation, byte[] data, Stream outputStream) =>
            writer.WriteObject(objectNumber, generation, data, outputStream);

        public void WriteCrossReferenceTable(IReadOnlyDictionary<IndirectReference, long> objectOffsets, IndirectReference catalogToken,
            Stream outputStream, IndirectReference? documentInformationReference, long? previousCrossReferenceOffset = null) =>
            writer.WriteCrossReferenceTable(objectOffsets, catalogToken, outputStream, documentInformationReference, previousCrossReferenceOffset);

        private static IToken Clean(IToken token) => token switch
        {
            StreamToken stream => Clean(stream),
            DictionaryToken dictionary => Clean(dictionary),
            ArrayToken array => new ArrayToken([.. array.Data.Select(Clean)]),
            ObjectToken obj => new ObjectToken(obj.Position, obj.Number, Clean(obj.Data)),
            _ => token,
        };

        private static DictionaryToken Clean(DictionaryToken dictionary) =>
            new(dictionary.Data.Where(p => !DroppedKeys.Contains(p.Key)).ToDictionary(p => NameToken.Create(p.Key), p => Clean(p.Value)));

        private static StreamToken Clean(StreamToken stream)
        {
            var dictionary = Clean(stream.StreamDictionary);
            // Pages bring along the objects their keys referred to, so an XMP stream is written even without its key.
            if (dictionary.TryGet(NameToken.Type, out var type) && type is NameToken { Data: "Metadata" })
                return new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Length] = new NumericToken(0) }), []);
            if (!IsJpeg(dictionary)) return new StreamToken(dictionary, stream.Data.ToArray());
            var jpeg = JpegMetadata.WithoutMetadata(stream.Data.ToArray());
            return new StreamToken(dictionary.With(NameToken.Length, new NumericToken(jpeg.Length)), jpeg);
        }

        /// <summary>A stream whose only filter is DCTDecode holds a JPEG file as it is.</summary>
        private static bool IsJpeg(DictionaryToken dictionary) =>
            dictionary.TryGet(NameToken.Filter, out var filter)
            && (filter is NameToken { Data: "DCTDecode" } || filter is ArrayToken { Data: [NameToken { Data: "DCTDecode" }] });
    }
}
