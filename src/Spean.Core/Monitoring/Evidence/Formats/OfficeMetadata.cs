using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Writes copies of Word, Excel and OpenDocument text files (ZIP packages of XML parts) without the names,
/// times and paths they carry. Every part stays, so relationships, content types and the ODF manifest still
/// resolve, but: the document properties (<c>docProps/core.xml</c>, <c>app.xml</c>, <c>custom.xml</c>, ODF's
/// <c>meta.xml</c> and <c>settings.xml</c>, which also names printers) keep only their root element; in every
/// other XML part the authors and initials of comments and tracked changes, the people list's names and
/// account ids, the dates of comments and changes, Excel's saved folder path and local file links are
/// emptied; pictures and other media inside go through the same cleaning as evidence files of their type, as
/// do embedded Office files; printer settings lose the printer's name. Entry times are set to 1980-01-01. A
/// package holding something Spean cannot clean (an embedded OLE object, a TIFF picture) is refused.
/// </summary>
internal static class OfficeMetadata
{
    /// <summary>Parts emptied down to their root element, wherever they sit (ODF keeps them per embedded object too).</summary>
    private static readonly string[] Emptied = ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "meta.xml", "settings.xml"];

    /// <summary>Attributes whose values name or identify a person: authors of comments and changes (w:author), people lists (w15:person, Excel's persons).</summary>
    private static readonly HashSet<string> PersonAttributes = ["author", "initials", "displayName", "userId", "providerId"];

    /// <summary>Elements whose text names a person: Excel's comment authors, ODF's annotation and change authors.</summary>
    private static readonly HashSet<string> PersonElements = ["author", "creator", "creator-initials"];

    /// <summary>
    /// Limits on what a package may make Spean inflate, since any member can upload one: a ZIP "bomb" of a few
    /// kilobytes can declare gigabytes. Real documents stay far inside them; embedded Office files nest once or twice.
    /// </summary>
    internal const long MaxPartBytes = 64L * 1024 * 1024;
    internal const long MaxPackageBytes = 256L * 1024 * 1024;
    internal const int MaxEntries = 10_000;
    internal const int MaxRatio = 200;
    internal const int MaxNesting = 3;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The creation date: <c>dcterms:created</c> in Office's core properties, <c>meta:creation-date</c> in ODF's
    /// meta.xml. The creator is left there (it may be a witness, whose name Spean keeps only encrypted), and the
    /// application that wrote the file is no device.
    /// </summary>
    public static CaptureFacts Read(Stream original)
    {
        using var archive = new ZipArchive(original, ZipArchiveMode.Read, leaveOpen: true);
        var (part, created) = archive.GetEntry("docProps/core.xml") is { } core
            ? (core, XName.Get("created", "http://purl.org/dc/terms/"))
            : (archive.GetEntry("meta.xml"), XName.Get("creation-date", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"));
        if (part is null || part.Length > 1024 * 1024) return CaptureFacts.None;
        using var from = Open(part, new Budget());
        return CaptureFacts.None with { CapturedAt = CaptureFacts.IsoTime(Load(from).Descendants(created).FirstOrDefault()?.Value) };
    }

    public static Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken) =>
        WriteWithoutMetadataAsync(original, output, new Budget(), 1, cancellationToken);

    private static async Task WriteWithoutMetadataAsync(Stream original, Stream output, Budget budget, int nesting, CancellationToken cancellationToken)
    {
        if (nesting > MaxNesting)
            throw new InvalidDataException($"This document holds Office files nested more than {MaxNesting} deep; Spean does not open them.");
        // Written to memory first: a ZIP written to a stream that cannot seek needs data descriptors, which
        // ODF's uncompressed mimetype entry must not have. Documents are small next to videos.
        using var copy = new MemoryStream();
        try
        {
            using var input = new ZipArchive(original, ZipArchiveMode.Read, leaveOpen: true);
            if (input.Entries.Count > MaxEntries)
                throw new InvalidDataException($"This document has {input.Entries.Count} parts; Spean opens documents of up to {MaxEntries}.");
            using var archive = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var entry in input.Entries)
            {
                if (entry.FullName.Length == 0)
                    throw new InvalidDataException("A part of this document has no name, so it is not a document Spean can rewrite without its metadata.");
                var level = entry.FullName == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                var target = archive.CreateEntry(entry.FullName, level);
                target.LastWriteTime = EntryTime;
                await using var from = Open(entry, budget);
                await using var to = target.Open();
                await WritePartAsync(entry.FullName, from, to, budget, nesting, cancellationToken);
            }
        }
        catch (XmlException e)
        {
            throw new InvalidDataException("A part of this document is not well-formed XML, so its metadata could not be removed.", e);
        }
        copy.Position = 0;
        await copy.CopyToAsync(output, cancellationToken);
    }

    /// <summary>What the whole package, embedded files included, may still inflate.</summary>
    private sealed class Budget
    {
        public long Remaining { get; set; } = MaxPackageBytes;
    }

    /// <summary>
    /// Opens a part after checking the sizes its header declares, and reads no more than it declared: a part that
    /// inflates beyond that, or beyond what the package may still inflate, is refused rather than read on.
    /// </summary>
    private static BoundedStream Open(ZipArchiveEntry entry, Budget budget)
    {
        if (entry.Length > MaxPartBytes)
            throw new InvalidDataException($"This document's part {entry.FullName} inflates to {entry.Length} bytes; Spean reads parts of up to {MaxPartBytes}.");
        if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio)
            throw new InvalidDataException($"This document's part {entry.FullName} is compressed {entry.Length / Math.Max(1, entry.CompressedLength)} times; " +
                "a real document's parts are not, so Spean does not inflate it.");
        if (entry.Length > budget.Remaining)
            throw new InvalidDataException($"This document inflates to more than {MaxPackageBytes} bytes; Spean does not open it.");
        budget.Remaining -= entry.Length;
        return new BoundedStream(entry.Open(), entry.Length, entry.FullName);
    }

    private sealed class BoundedStream(Stream inner, long limit, string name) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int bytes)
        {
            read += bytes;
            return read <= limit ? bytes : throw new InvalidDataException($"This document's part {name} inflates beyond the size it declares; Spean does not read it.");
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static async Task WritePartAsync(string name, Stream from, Stream to, Budget budget, int nesting, CancellationToken cancellationToken)
    {
        if (Emptied.Any(part => name == part || name.EndsWith("/" + part, StringComparison.Ordinal)))
        {
            var root = Load(from).Root!;
            root.RemoveNodes();
            await SaveAsync(root.Document!, to, cancellationToken);
            return;
        }
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        {
            var document = Load(from);
            WithoutPeople(document);
            await SaveAsync(document, to, cancellationToken);
            return;
        }

        using var part = new MemoryStream();
        await from.CopyToAsync(part, cancellationToken);
        part.Position = 0;
        var head = part.GetBuffer().AsSpan(0, (int)Math.Min(part.Length, EvidenceContent.HeadSize));
        var detected = EvidenceContent.Detect(head);
        if (name.Contains("printerSettings", StringComparison.OrdinalIgnoreCase)) WithoutPrinterName(part.GetBuffer().AsSpan(0, (int)part.Length));
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            throw new InvalidDataException($"This document holds {name}, {detected.Found}, whose metadata Spean cannot remove.");
        else if (detected.IsZip)
        {
            await WriteWithoutMetadataAsync(part, to, budget, nesting + 1, cancellationToken);
            return;
        }
        else if (detected.ContentType is { } type && PublicCopies.HasPublicCopy(type))
        {
            await PublicCopies.WriteWithoutMetadataAsync(type, part, to, cancellationToken);
            return;
        }
        part.Position = 0;
        await part.CopyToAsync(to, cancellationToken);
    }

    private static void WithoutPeople(XDocument document)
    {
        foreach (var element in document.Descendants())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                if (PersonAttributes.Contains(attribute.Name.LocalName)) attribute.Value = "";
                else if (attribute.Name == XName.Get("date", WordNamespace) || attribute.Name.LocalName == "dateUtc") attribute.Remove();
                else if (element.Name.LocalName == "absPath" && attribute.Name.LocalName == "url") attribute.Value = "";
                else if (element.Name.LocalName == "Relationship" && attribute.Name.LocalName == "Target"
                    && attribute.Value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                    attribute.Value = attribute.Value[(attribute.Value.LastIndexOfAny(['/', '\\']) + 1)..];
            }
            if (!element.HasElements && PersonElements.Contains(element.Name.LocalName)) element.Value = "";
            else if (element.Name == XName.Get("date", DublinCoreNamespace)) element.Value = "1970-01-01T00:00:00";
        }
    }

    /// <summary>Office parts never have a document type declaration; refusing one rules out entity expansion tricks.</summary>
    private static XDocument Load(Stream from)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, MaxCharactersInDocument = MaxPartBytes });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    private static async Task SaveAsync(XDocument document, Stream to, CancellationToken cancellationToken)
    {
        await using var writer = XmlWriter.Create(to, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) });
        await document.SaveAsync(writer, cancellationToken);
    }

    /// <summary>
    /// Printer settings are a Windows DEVMODE: the printer's name (which can name the computer or office) in its
    /// first 64 bytes, then the public fields, then the driver's own data (dmSize and dmDriverExtra say how long).
    /// </summary>
    private static void WithoutPrinterName(Span<byte> devmode)
    {
        if (devmode.Length < 72) throw new InvalidDataException("This document's printer settings are too short to be read.");
        devmode[..64].Clear();
        var publicSize = BitConverter.ToUInt16(devmode[68..]);
        if (publicSize < devmode.Length) devmode[publicSize..].Clear();
    }
}
