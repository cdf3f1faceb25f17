using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Spean.Core.Monitoring.Evidence.Formats;

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
        CheckSize(original);
        return OnLargeStackAsync(() =>
        {
            using var document = PdfDocument.Open(original, Lenient);
            return CaptureFacts.None with { CapturedAt = CaptureFacts.PdfTime(document.Information.CreationDate) };
        }).GetAwaiter().GetResult();
    }

    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        try
        {
            CheckSize(original);
            await OnLargeStackAsync(() =>
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
                return true;
            });
        }
        // PdfPig throws many kinds of exception for files it cannot read; a stored file that fails its integrity check is another matter.
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or IOException or CryptographicException or InvalidDataException))
        {
            throw new InvalidDataException("This PDF could not be read, so its metadata could not be removed.", e);
        }
        var bytes = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        WithStableId(bytes.Span);
        await output.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>
    /// PdfPig follows references between objects (the page tree, a page's resources) by recursion, and a stack
    /// overflow cannot be caught: it ends the web process. Arrays and dictionaries PdfPig bounds itself (256 deep);
    /// a chain of references is at most as long as the file has objects, so the objects are counted first and the
    /// parsing runs on a thread whose stack holds a chain of that many.
    /// </summary>
    internal const int MaxObjects = 100_000;

    private const int LargeStack = 256 * 1024 * 1024;

    private static Task<T> OnLargeStackAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, LargeStack) { IsBackground = true, Name = "PDF reader" };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// Counts the objects the file declares ("12 0 obj") and those packed in object streams (their /N), without
    /// parsing: a file with more is refused before PdfPig sees it.
    /// </summary>
    private static void CheckSize(Stream original)
    {
        var objects = CountObjects(original);
        original.Position = 0;
        if (objects > MaxObjects)
            throw new InvalidDataException($"This PDF has more than {MaxObjects} objects; Spean does not read it.");
    }

    internal static long CountObjects(Stream original)
    {
        const int overlap = 256;
        var buffer = new byte[1024 * 1024 + overlap];
        long objects = 0;
        var kept = 0;
        original.Position = 0;
        int read;
        while ((read = original.ReadAtLeast(buffer.AsSpan(kept), buffer.Length - kept, throwOnEndOfStream: false)) > 0)
        {
            var length = kept + read;
            var window = buffer.AsSpan(0, length);
            // A match is counted in the window where it starts past the overlap kept from the last one, or at the very start.
            var from = kept == 0 ? 0 : overlap;
            for (var at = window.IndexOf(" obj"u8); at >= 0; at = Next(window, at, " obj"u8))
                if (at > from - 4 && IsObjectHeader(window, at)) objects++;
            for (var at = window.IndexOf("/ObjStm"u8); at >= 0; at = Next(window, at, "/ObjStm"u8))
                if (at > from - 7) objects += PackedObjects(window, at);
            if (objects > MaxObjects) return objects;
            kept = Math.Min(overlap, length);
            window[^kept..].CopyTo(buffer);
        }
        return objects;
    }

    private static int Next(ReadOnlySpan<byte> window, int at, ReadOnlySpan<byte> word)
    {
        var next = window[(at + 1)..].IndexOf(word);
        return next < 0 ? -1 : at + 1 + next;
    }

    /// <summary>"12 0 obj": digits, white space, digits, then " obj" followed by a delimiter.</summary>
    private static bool IsObjectHeader(ReadOnlySpan<byte> window, int at)
    {
        var end = at + 4;
        if (end < window.Length && !IsDelimiter(window[end])) return false;
        var i = at - 1;
        var generation = 0;
        while (i >= 0 && char.IsAsciiDigit((char)window[i])) { i--; generation++; }
        if (generation == 0 || i < 0 || !IsWhite(window[i])) return false;
        while (i >= 0 && IsWhite(window[i])) i--;
        return i >= 0 && char.IsAsciiDigit((char)window[i]);
    }

    /// <summary>The /N of the object stream's dictionary around the /ObjStm; a stream that does not say how many it holds counts as too many.</summary>
    private static long PackedObjects(ReadOnlySpan<byte> window, int at)
    {
        var start = Math.Max(0, at - 200);
        var end = Math.Min(window.Length, at + 200);
        var dictionary = window[start..end];
        var n = dictionary.IndexOf("/N"u8);
        while (n >= 0 && n + 2 < dictionary.Length && !IsWhite(dictionary[n + 2]) && !char.IsAsciiDigit((char)dictionary[n + 2]))
            n = Next(dictionary, n, "/N"u8);
        if (n < 0) return MaxObjects + 1L;
        var i = n + 2;
        while (i < dictionary.Length && IsWhite(dictionary[i])) i++;
        long count = 0;
        var digits = 0;
        while (i < dictionary.Length && char.IsAsciiDigit((char)dictionary[i]) && digits < 10) { count = count * 10 + (dictionary[i] - '0'); i++; digits++; }
        return digits == 0 ? MaxObjects + 1L : count;
    }

    private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;

    private static bool IsDelimiter(byte b) => IsWhite(b) || b is (byte)'<' or (byte)'[' or (byte)'(' or (byte)'/' or (byte)'%';

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
