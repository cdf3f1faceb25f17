using System.Buffers.Binary;
using System.Text;

namespace Spean.Core.Monitoring;

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
    private readonly record struct Box(string Type, long Start, int HeaderSize, long End)
    {
        public long Payload => Start + HeaderSize;
    }

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
            else if (Containers.Contains(box.Type)) Walk(original, box, edits);
            else if (!KeptAtTop.Contains(box.Type)) Blank(box, edits);
        }
        await edits.CopyAsync(original, output, cancellationToken);
    }

    private static void Walk(Stream original, Box parent, ByteEdits edits)
    {
        var children = Children(original, parent.Payload, parent.End);
        foreach (var box in children)
        {
            if (Blanked.Contains(box.Type)) Blank(box, edits);
            else if (box.Type is "mvhd" or "tkhd" or "mdhd") ZeroTimes(original, box, edits);
            else if (Containers.Contains(box.Type)) Walk(original, box, edits);
        }
        if (parent.Type == "trak" && IsMetadataTrack(original, children)) ZeroSamples(original, children, edits);
    }

    /// <summary>Turns a box into a <c>free</c> box of the same size with nothing in it.</summary>
    private static void Blank(Box box, ByteEdits edits)
    {
        edits.Overwrite(box.Start + 4, "free"u8.ToArray());
        edits.Zero(box.Start + 8, box.End - box.Start - 8);
    }

    /// <summary>Creation and modification times follow the version and flags: two 32-bit fields in version 0, two 64-bit in version 1.</summary>
    private static void ZeroTimes(Stream original, Box box, ByteEdits edits)
    {
        var version = ByteEdits.Read(original, box.Payload, 1)[0];
        var length = version == 1 ? 16 : 8;
        if (box.Payload + 4 + length > box.End) throw new InvalidDataException($"This file's {box.Type} box is too short.");
        edits.Zero(box.Payload + 4, length);
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
        var stbl = Path(original, trak, "mdia", "minf", "stbl") ?? throw new InvalidDataException("A metadata track of this file has no sample table.");
        var boxes = Children(original, stbl.Payload, stbl.End);
        byte[] Table(string type) => boxes.FirstOrDefault(b => b.Type == type) is { Type: not null } box
            ? ByteEdits.Read(original, box.Payload, checked((int)(box.End - box.Payload)))
            : [];

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

        var sample = 0L;
        for (var run = 0; run < runs; run++)
        {
            var entry = stsc.AsSpan(8 + run * 12);
            var first = BinaryPrimitives.ReadUInt32BigEndian(entry);
            var next = run + 1 < runs ? BinaryPrimitives.ReadUInt32BigEndian(stsc.AsSpan(8 + (run + 1) * 12)) : chunkCount + 1;
            var perChunk = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            for (var chunk = first; chunk < next && chunk <= chunkCount; chunk++)
            {
                var offset = wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(offsets.AsSpan(8 + (int)(chunk - 1) * 8))
                    : BinaryPrimitives.ReadUInt32BigEndian(offsets.AsSpan(8 + (int)(chunk - 1) * 4));
                long length = 0;
                for (var i = 0; i < perChunk && sample < sampleCount; i++, sample++)
                    length += fixedSize != 0 ? fixedSize : BinaryPrimitives.ReadUInt32BigEndian(stsz.AsSpan(12 + (int)sample * 4));
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

    private static Box? Path(Stream original, List<Box> boxes, params string[] types)
    {
        Box? found = null;
        foreach (var type in types)
        {
            var box = boxes.FirstOrDefault(b => b.Type == type);
            if (box.Type is null) return null;
            found = box;
            boxes = Children(original, box.Payload, box.End);
        }
        return found;
    }

    /// <summary>
    /// Zeroes the bytes of a HEIC photo's Exif and XMP items. <c>iinf</c> names each item's type, <c>iloc</c>
    /// says where its bytes lie: in the file (construction method 0) or in the <c>idat</c> box (method 1).
    /// </summary>
    private static void ZeroMetadataItems(Stream original, Box meta, ByteEdits edits)
    {
        var boxes = Children(original, meta.Payload + 4, meta.End);
        var iinf = boxes.FirstOrDefault(b => b.Type == "iinf");
        var iloc = boxes.FirstOrDefault(b => b.Type == "iloc");
        var idat = boxes.FirstOrDefault(b => b.Type == "idat");
        foreach (var box in boxes.Where(b => b.Type is "udta" or "uuid" or "free" or "skip")) Blank(box, edits);
        if (iinf.Type is null) return;
        var metadataItems = MetadataItems(original, iinf);
        if (metadataItems.Count == 0) return;
        if (iloc.Type is null) throw new InvalidDataException("This HEIC photo has metadata items but no item locations.");

        var table = ByteEdits.Read(original, iloc.Payload, checked((int)(iloc.End - iloc.Payload)));
        var reader = new FieldReader(table);
        var version = reader.Byte();
        reader.Skip(3);
        var sizes = reader.Byte();
        var sizes2 = reader.Byte();
        var (offsetSize, lengthSize, baseOffsetSize, indexSize) = (sizes >> 4, sizes & 15, sizes2 >> 4, version > 0 ? sizes2 & 15 : 0);
        var itemCount = version < 2 ? reader.Number(2) : reader.Number(4);
        for (var i = 0; i < itemCount; i++)
        {
            var itemId = version < 2 ? reader.Number(2) : reader.Number(4);
            var method = version > 0 ? (int)(reader.Number(2) & 15) : 0;
            reader.Skip(2);
            var baseOffset = reader.Number(baseOffsetSize);
            var extents = reader.Number(2);
            for (var e = 0; e < extents; e++)
            {
                reader.Skip(indexSize);
                var offset = baseOffset + reader.Number(offsetSize);
                var length = reader.Number(lengthSize);
                if (!metadataItems.Contains(itemId)) continue;
                var (from, end) = method switch
                {
                    0 => (0L, original.Length),
                    1 when idat.Type is not null => (idat.Payload, idat.End),
                    _ => throw new InvalidDataException("This HEIC photo stores its metadata in a way Spean cannot locate."),
                };
                if (length == 0 || from + offset + length > end) throw new InvalidDataException("A metadata item of this HEIC photo lies outside the file.");
                edits.Zero(from + offset, length);
            }
        }
    }

    /// <summary>The ids of items of type <c>Exif</c>, or <c>mime</c> with XMP's content type.</summary>
    private static HashSet<long> MetadataItems(Stream original, Box iinf)
    {
        var version = ByteEdits.Read(original, iinf.Payload, 1)[0];
        var items = new HashSet<long>();
        foreach (var infe in Children(original, iinf.Payload + (version == 0 ? 6 : 8), iinf.End).Where(b => b.Type == "infe"))
        {
            var reader = new FieldReader(ByteEdits.Read(original, infe.Payload, checked((int)(infe.End - infe.Payload))));
            var infeVersion = reader.Byte();
            if (infeVersion < 2) continue;
            reader.Skip(3);
            var id = reader.Number(infeVersion == 2 ? 2 : 4);
            reader.Skip(2);
            var type = Ascii(reader.Bytes(4));
            reader.Text();
            if (type == "Exif" || (type == "mime" && reader.Text().Contains("xml", StringComparison.OrdinalIgnoreCase))) items.Add(id);
        }
        return items;
    }

    /// <summary>The boxes that exactly fill <paramref name="start"/> to <paramref name="end"/>; anything else means the file is not what it claims.</summary>
    private static List<Box> Children(Stream original, long start, long end)
    {
        var boxes = new List<Box>();
        var position = start;
        while (position < end)
        {
            if (end - position < 8) throw new InvalidDataException("This file has bytes that belong to no box.");
            var header = ByteEdits.Read(original, position, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerSize = 8;
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(ByteEdits.Read(original, position + 8, 8));
                headerSize = 16;
            }
            else if (size == 0) size = end - position;
            var type = Ascii(header.AsSpan(4, 4));
            if (size < headerSize || size > end - position)
                throw new InvalidDataException($"The {type} box of this file is {size} bytes long, which does not fit where it is.");
            boxes.Add(new Box(type, position, headerSize, position + size));
            position += size;
        }
        return boxes;
    }

    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Reads big-endian fields one after the other; running past the end means the box is shorter than it claims.</summary>
    private sealed class FieldReader(byte[] data)
    {
        private int position;

        public byte Byte() => Bytes(1)[0];

        public void Skip(int count) => Bytes(count);

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (position + count > data.Length) throw new InvalidDataException("A box of this file is shorter than its fields.");
            position += count;
            return data.AsSpan(position - count, count);
        }

        public long Number(int size)
        {
            long value = 0;
            foreach (var b in Bytes(size)) value = (value << 8) | b;
            return value;
        }

        public string Text()
        {
            var end = Array.IndexOf(data, (byte)0, position);
            if (end < 0) end = data.Length;
            var text = Encoding.UTF8.GetString(data, position, end - position);
            position = Math.Min(end + 1, data.Length);
            return text;
        }
    }
}
