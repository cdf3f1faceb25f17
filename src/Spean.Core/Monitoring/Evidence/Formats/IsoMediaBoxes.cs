using System.Buffers.Binary;
using System.Text;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Walks the boxes of ISO base media files (MP4, MOV, M4A, HEIC): a size, a four-letter type, a payload that may
/// hold more boxes. Reading the facts and writing the public copy use this one walker, reading headers only.
/// </summary>
internal static class IsoMediaBoxes
{
    public readonly record struct Box(string Type, long Start, int HeaderSize, long End)
    {
        public long Payload => Start + HeaderSize;
    }

    /// <summary>One item of a HEIC photo's <c>meta</c> box, as <c>iinf</c> lists it: its id, type and, for <c>mime</c> items, content type.</summary>
    public readonly record struct Item(long Id, string Type, string ContentType);

    /// <summary>The boxes that exactly fill <paramref name="start"/> to <paramref name="end"/>; anything else means the file is not what it claims.</summary>
    public static List<Box> Children(Stream original, long start, long end)
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

    /// <summary>The box at the end of a path of types, each the first of its type among the children of the one before.</summary>
    public static Box? Nested(Stream original, List<Box> boxes, params string[] types)
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
    /// Where the creation and modification times of a <c>mvhd</c>, <c>tkhd</c> or <c>mdhd</c> box lie: after its
    /// version and flags, two 32-bit fields in version 0, two 64-bit fields in version 1.
    /// </summary>
    public static (long Offset, int FieldSize) Times(Stream original, Box box)
    {
        var size = ByteEdits.Read(original, box.Payload, 1)[0] == 1 ? 8 : 4;
        if (box.Payload + 4 + 2 * size > box.End) throw new InvalidDataException($"This file's {box.Type} box is too short.");
        return (box.Payload + 4, size);
    }

    public static byte[] Payload(Stream original, Box box) => ByteEdits.Read(original, box.Payload, checked((int)(box.End - box.Payload)));

    /// <summary>The items <c>iinf</c> lists (entries of version 2 and 3; older ones name no type).</summary>
    public static List<Item> Items(Stream original, Box iinf)
    {
        var version = ByteEdits.Read(original, iinf.Payload, 1)[0];
        var items = new List<Item>();
        foreach (var infe in Children(original, iinf.Payload + (version == 0 ? 6 : 8), iinf.End).Where(b => b.Type == "infe"))
        {
            var reader = new FieldReader(Payload(original, infe));
            var infeVersion = reader.Byte();
            if (infeVersion < 2) continue;
            reader.Skip(3);
            var id = reader.Number(infeVersion == 2 ? 2 : 4);
            reader.Skip(2);
            var type = Ascii(reader.Bytes(4));
            reader.Text();
            items.Add(new Item(id, type, type == "mime" ? reader.Text() : ""));
        }
        return items;
    }

    /// <summary>
    /// Where the bytes of the wanted items lie in the file, in order. <c>iloc</c> gives each item's extents: in the
    /// file (construction method 0) or in the <c>idat</c> box (method 1).
    /// </summary>
    /// <param name="meta">The children of the photo's <c>meta</c> box.</param>
    public static List<(long ItemId, long Offset, long Length)> Extents(Stream original, List<Box> meta, HashSet<long> wanted)
    {
        var iloc = meta.FirstOrDefault(b => b.Type == "iloc");
        var idat = meta.FirstOrDefault(b => b.Type == "idat");
        if (iloc.Type is null) throw new InvalidDataException("This HEIC photo has metadata items but no item locations.");

        var reader = new FieldReader(Payload(original, iloc));
        var version = reader.Byte();
        reader.Skip(3);
        var sizes = reader.Byte();
        var sizes2 = reader.Byte();
        var (offsetSize, lengthSize, baseOffsetSize, indexSize) = (sizes >> 4, sizes & 15, sizes2 >> 4, version > 0 ? sizes2 & 15 : 0);
        var itemCount = version < 2 ? reader.Number(2) : reader.Number(4);
        var extents = new List<(long, long, long)>();
        for (var i = 0; i < itemCount; i++)
        {
            var itemId = version < 2 ? reader.Number(2) : reader.Number(4);
            var method = version > 0 ? (int)(reader.Number(2) & 15) : 0;
            reader.Skip(2);
            var baseOffset = reader.Number(baseOffsetSize);
            var extentCount = reader.Number(2);
            for (var e = 0; e < extentCount; e++)
            {
                reader.Skip(indexSize);
                var offset = baseOffset + reader.Number(offsetSize);
                var length = reader.Number(lengthSize);
                if (!wanted.Contains(itemId)) continue;
                var (from, end) = method switch
                {
                    0 => (0L, original.Length),
                    1 when idat.Type is not null => (idat.Payload, idat.End),
                    _ => throw new InvalidDataException("This HEIC photo stores its metadata in a way Spean cannot locate."),
                };
                if (length == 0 || from + offset + length > end) throw new InvalidDataException("A metadata item of this HEIC photo lies outside the file.");
                extents.Add((itemId, from + offset, length));
            }
        }
        return extents;
    }

    public static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Reads big-endian fields one after the other; running past the end means the box is shorter than it claims.</summary>
    public sealed class FieldReader(byte[] data)
    {
        private int position;

        public byte Byte() => Bytes(1)[0];

        public void Skip(int count) => Bytes(count);

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || position + count > data.Length) throw new InvalidDataException("A box of this file is shorter than its fields.");
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
