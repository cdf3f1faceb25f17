using System.Buffers.Binary;
using static Spean.Core.Monitoring.Evidence.Formats.IsoMediaBoxes;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Writes copies of MP4, MOV and M4A files (ISO base media, a tree of boxes) and HEIC photos (the same boxes)
/// without their metadata. Nothing moves: a metadata box becomes a <c>free</c> box of the same size with a zeroed
/// payload, so every offset into the media data (<c>stco</c>, <c>co64</c>, <c>iloc</c>) stays valid and the
/// pictures and sound are copied byte for byte. Removed: <c>udta</c> (GPS as <c>©xyz</c>, make, model,
/// software), <c>meta</c> (Apple's location and device keys, iTunes tags) and <c>uuid</c> boxes (XMP, camera
/// makers' own data) wherever they are, other top-level boxes players do not need, the contents of <c>free</c>
/// and <c>skip</c> boxes (editors leave old metadata there), the samples of timed metadata tracks (per-frame
/// GPS), and the device-clock creation and modification times of the movie, its tracks and their media.
/// In a HEIC photo the <c>meta</c> box holds the image itself, so instead its Exif and XMP items are zeroed
/// where <c>iloc</c> says they lie.
/// </summary>
internal static class IsoMediaMetadata
{
    /// <summary>Top-level boxes a player needs; any other is blanked.</summary>
    private static readonly HashSet<string> KeptAtTop = ["ftyp", "moov", "mdat", "moof", "mfra", "sidx", "ssix", "styp"];

    /// <summary>Boxes that hold other boxes, walked to find metadata inside them.</summary>
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "mvex", "moof", "traf", "mfra"];

    private static readonly HashSet<string> Blanked = ["udta", "meta", "uuid", "free", "skip"];

    /// <summary>Handlers of timed metadata tracks: Apple's and GoPro's <c>meta</c>, Google's camera motion <c>camm</c> (both can carry GPS per frame).</summary>
    private static readonly HashSet<string> MetadataHandlers = ["meta", "camm"];

    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, bool photo, CancellationToken cancellationToken)
    {
        var edits = new ByteEdits();
        foreach (var box in Children(original, 0, original.Length))
        {
            if (photo && box.Type == "meta") ZeroMetadataItems(original, box, edits);
            else if (Containers.Contains(box.Type)) Walk(original, box, edits, 1);
            else if (!KeptAtTop.Contains(box.Type)) Blank(box, edits);
        }
        await edits.CopyAsync(original, output, cancellationToken);
    }

    /// <summary>Real files nest boxes a handful deep; a stack overflow cannot be caught, so a deeper file is refused.</summary>
    internal const int MaxNesting = 32;

    private static void Walk(Stream original, Box parent, ByteEdits edits, int depth)
    {
        if (depth > MaxNesting) throw new InvalidDataException($"This file nests its boxes more than {MaxNesting} deep; Spean does not read it.");
        var children = Children(original, parent.Payload, parent.End);
        foreach (var box in children)
        {
            if (Blanked.Contains(box.Type)) Blank(box, edits);
            else if (box.Type is "mvhd" or "tkhd" or "mdhd") ZeroTimes(original, box, edits);
            else if (Containers.Contains(box.Type)) Walk(original, box, edits, depth + 1);
        }
        if (parent.Type == "trak" && IsMetadataTrack(original, children)) ZeroSamples(original, children, edits);
    }

    /// <summary>Turns a box into a <c>free</c> box of the same size with nothing in it.</summary>
    private static void Blank(Box box, ByteEdits edits)
    {
        edits.Overwrite(box.Start + 4, "free"u8.ToArray());
        edits.Zero(box.Start + 8, box.End - box.Start - 8);
    }

    private static void ZeroTimes(Stream original, Box box, ByteEdits edits)
    {
        var (offset, size) = Times(original, box);
        edits.Zero(offset, 2 * size);
    }

    private static bool IsMetadataTrack(Stream original, List<Box> trak)
    {
        if (trak.FirstOrDefault(b => b.Type == "mdia") is not { Type: not null } mdia) return false;
        var handler = Children(original, mdia.Payload, mdia.End).FirstOrDefault(b => b.Type == "hdlr");
        return handler.Type is not null && MetadataHandlers.Contains(Ascii(ByteEdits.Read(original, handler.Payload + 8, 4)));
    }

    /// <summary>Zeroes the samples of a track where its sample table says they lie (chunk offsets, samples per chunk, sample sizes).</summary>
    private static void ZeroSamples(Stream original, List<Box> trak, ByteEdits edits)
    {
        var stbl = Nested(original, trak, "mdia", "minf", "stbl") ?? throw new InvalidDataException("A metadata track of this file has no sample table.");
        var boxes = Children(original, stbl.Payload, stbl.End);
        byte[] Table(string type) => boxes.FirstOrDefault(b => b.Type == type) is { Type: not null } box ? Payload(original, box) : [];

        var stsz = Table("stsz");
        var stsc = Table("stsc");
        var (co64, stco) = (Table("co64"), Table("stco"));
        if (stsz.Length < 12 || stsc.Length < 8 || (co64.Length < 8 && stco.Length < 8))
            throw new InvalidDataException("A metadata track of this file has a sample table Spean cannot read.");
        var wide = co64.Length >= 8;
        var offsets = wide ? co64 : stco;
        var chunkCount = Count(offsets, 4, wide ? 8 : 4);
        var fixedSize = BinaryPrimitives.ReadUInt32BigEndian(stsz.AsSpan(4));
        var sampleCount = Count(stsz, 8, fixedSize == 0 ? 4 : 0);
        var runs = Count(stsc, 4, 12);

        // The counts are the file's word: chunk runs that go back to earlier chunks, or a fixed sample size with billions
        // of samples, would have a few kilobytes hold a server thread for seconds. Runs must move forward (as the format
        // requires), and fixed-size samples are counted, not walked.
        var sample = 0L;
        var previous = 0u;
        for (var run = 0; run < runs; run++)
        {
            var entry = stsc.AsSpan(8 + run * 12);
            var first = BinaryPrimitives.ReadUInt32BigEndian(entry);
            if (first <= previous) throw new InvalidDataException("A sample table of this file lists its chunks out of order.");
            previous = first;
            var next = run + 1 < runs ? BinaryPrimitives.ReadUInt32BigEndian(stsc.AsSpan(8 + (run + 1) * 12)) : chunkCount + 1;
            var perChunk = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            for (var chunk = first; chunk < next && chunk <= chunkCount; chunk++)
            {
                var offset = wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(offsets.AsSpan(8 + (int)(chunk - 1) * 8))
                    : BinaryPrimitives.ReadUInt32BigEndian(offsets.AsSpan(8 + (int)(chunk - 1) * 4));
                long length = 0;
                if (fixedSize != 0)
                {
                    var samples = Math.Min(perChunk, Math.Max(0, sampleCount - sample));
                    if (samples > 0 && fixedSize > original.Length / samples)
                        throw new InvalidDataException("A metadata track of this file claims more sample bytes than the file holds.");
                    length = samples * fixedSize;
                    sample += samples;
                }
                else
                    for (var i = 0; i < perChunk && sample < sampleCount; i++, sample++)
                        length += BinaryPrimitives.ReadUInt32BigEndian(stsz.AsSpan(12 + (int)sample * 4));
                if (length > 0) edits.Zero(offset, length);
            }
        }
    }

    /// <summary>The number of entries a table declares after its version and flags, checked against the bytes it has.</summary>
    private static uint Count(byte[] table, int countAt, int entrySize)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(countAt));
        if (entrySize > 0 && (long)count * entrySize > table.Length - countAt - 4)
            throw new InvalidDataException("A sample table of this file lists more entries than it holds.");
        return count;
    }

    /// <summary>Zeroes the bytes of a HEIC photo's Exif and XMP items where <c>iloc</c> says they lie.</summary>
    private static void ZeroMetadataItems(Stream original, Box meta, ByteEdits edits)
    {
        var boxes = Children(original, meta.Payload + 4, meta.End);
        foreach (var box in boxes.Where(b => b.Type is "udta" or "uuid" or "free" or "skip")) Blank(box, edits);
        var iinf = boxes.FirstOrDefault(b => b.Type == "iinf");
        if (iinf.Type is null) return;
        var metadataItems = Items(original, iinf)
            .Where(i => i.Type == "Exif" || (i.Type == "mime" && i.ContentType.Contains("xml", StringComparison.OrdinalIgnoreCase)))
            .Select(i => i.Id).ToHashSet();
        if (metadataItems.Count == 0) return;
        foreach (var (_, offset, length) in Extents(original, boxes, metadataItems)) edits.Zero(offset, length);
    }
}
