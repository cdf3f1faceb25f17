using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Reads EXIF from JPEG photos and writes copies without it. Small enough to keep in Spean rather than
/// take a dependency: only the dozen tags evidence needs are read.
/// </summary>
public static class JpegMetadata
{
    /// <summary>Reads the facts from the start of a JPEG file (its APP1 segment lies in the first 64 KiB or so).</summary>
    public static CaptureFacts Read(ReadOnlySpan<byte> head)
    {
        foreach (var (marker, start, length) in Segments(head, out _))
        {
            var segment = head.Slice(start + 4, length - 2);
            if (marker == 0xE1 && segment.StartsWith("Exif\0\0"u8)) return ReadExif(segment[6..]);
        }
        return CaptureFacts.None;
    }

    /// <summary>
    /// Copies a JPEG without its APP1-APP15 segments (EXIF, XMP, ICC, maker notes) and comments. The image
    /// data is copied as it is, not re-encoded. Photos that relied on the EXIF orientation show unrotated.
    /// </summary>
    public static async Task WriteWithoutMetadataAsync(
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, Stream output, CancellationToken cancellationToken = default)
    {
        using var head = new MemoryStream();
        var copying = false;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            if (copying)
            {
                await output.WriteAsync(chunk, cancellationToken);
                continue;
            }
            head.Write(chunk.Span);
            var bytes = head.GetBuffer().AsMemory(0, (int)head.Length);
            var segments = Segments(bytes.Span, out var imageStart);
            if (imageStart is not { } scanStart)
            {
                if (head.Length > 16 * 1024 * 1024) throw new InvalidDataException("This JPEG has more than 16 MB of headers before its image data.");
                continue;
            }
            await output.WriteAsync(bytes[..2], cancellationToken);
            foreach (var (marker, start, length) in segments.Where(s => s.Marker is not (>= 0xE1 and <= 0xEF) and not 0xFE))
                await output.WriteAsync(bytes.Slice(start, length + 2), cancellationToken);
            await output.WriteAsync(bytes[scanStart..], cancellationToken);
            copying = true;
        }
        if (!copying) throw new InvalidDataException("This JPEG ends before its image data.");
    }

    /// <summary>
    /// The same cleaning for a JPEG held whole in memory, such as an image inside a PDF, but keeping APP14
    /// (Adobe), which PDF readers need to decode CMYK images.
    /// </summary>
    internal static byte[] WithoutMetadata(byte[] jpeg)
    {
        var segments = Segments(jpeg, out var imageStart);
        if (!jpeg.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]) || imageStart is not { } scanStart)
            throw new InvalidDataException("This JPEG ends before its image data.");
        using var copy = new MemoryStream(jpeg.Length);
        copy.Write(jpeg, 0, 2);
        foreach (var (_, start, length) in segments.Where(s => s.Marker is not (>= 0xE1 and <= 0xEF and not 0xEE) and not 0xFE)) copy.Write(jpeg, start, length + 2);
        copy.Write(jpeg, scanStart, jpeg.Length - scanStart);
        return copy.ToArray();
    }

    /// <summary>The segments between the start-of-image marker and the start of scan.</summary>
    /// <param name="scanStart">Where the image data starts; null when the bytes end before it.</param>
    private static List<(byte Marker, int Start, int Length)> Segments(ReadOnlySpan<byte> data, out int? scanStart)
    {
        var segments = new List<(byte, int, int)>();
        scanStart = null;
        var position = 2;
        while (position + 4 <= data.Length && data[position] == 0xFF)
        {
            var marker = data[position + 1];
            if (marker == 0xFF) { position++; continue; }
            if (marker == 0xDA)
            {
                scanStart = position;
                break;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length) break;
            segments.Add((marker, position, length));
            position += 2 + length;
        }
        return segments;
    }

    /// <summary>
    /// Reads an EXIF block (a TIFF header and its directories), as JPEG's APP1 segment, PNG's eXIf chunk, WebP's
    /// EXIF chunk and HEIC's Exif item hold it. Cameras write local time without a zone unless they also write
    /// OffsetTimeOriginal.
    /// </summary>
    internal static CaptureFacts ReadExif(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return CaptureFacts.None;
        var reader = new TiffReader(tiff.ToArray(), littleEndian: tiff[0] == (byte)'I');
        var root = reader.Ifd(reader.UInt32(4));
        var exif = root.TryGetValue(0x8769, out var exifEntry) ? reader.Ifd(reader.Number(exifEntry)) : [];
        var gps = root.TryGetValue(0x8825, out var gpsEntry) ? reader.Ifd(reader.Number(gpsEntry)) : [];

        var device = CaptureFacts.MakeAndModel(Text(reader, root, 0x010F), Text(reader, root, 0x0110));

        DateTime? capturedAt = null;
        if (DateTime.TryParseExact(Text(reader, exif, 0x9003) ?? Text(reader, root, 0x0132), "yyyy:MM:dd HH:mm:ss",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var offsetText = Text(reader, exif, 0x9011);
            var offset = offsetText is { Length: 6 } && TimeSpan.TryParseExact(offsetText[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var o)
                ? (offsetText[0] == '-' ? -o : o)
                : CaptureFacts.AssumedOffset;
            capturedAt = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        double? latitude = Coordinate(reader, gps, 2, Text(reader, gps, 1), "S");
        double? longitude = Coordinate(reader, gps, 4, Text(reader, gps, 3), "W");
        return new CaptureFacts(capturedAt, latitude, longitude, device);
    }

    private static string? Text(TiffReader reader, Dictionary<ushort, TiffEntry> ifd, ushort tag) =>
        ifd.TryGetValue(tag, out var entry) && entry.Type == 2 ? reader.Ascii(entry) : null;

    private static double? Coordinate(TiffReader reader, Dictionary<ushort, TiffEntry> gps, ushort tag, string? reference, string negative)
    {
        if (!gps.TryGetValue(tag, out var entry) || entry.Type != 5 || entry.Count != 3) return null;
        var parts = reader.Rationals(entry);
        if (parts.Any(double.IsNaN)) return null;
        var degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
        return reference == negative ? -degrees : degrees;
    }

    private readonly record struct TiffEntry(ushort Type, uint Count, int ValueOffset);

    /// <summary>Offsets inside EXIF are relative to the TIFF header; anything out of range reads as missing.</summary>
    private sealed class TiffReader(byte[] data, bool littleEndian)
    {
        public uint UInt32(int offset) => offset + 4 > data.Length ? 0
            : littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

        private ushort UInt16(int offset) => offset + 2 > data.Length ? (ushort)0
            : littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));

        public Dictionary<ushort, TiffEntry> Ifd(uint offset)
        {
            var entries = new Dictionary<ushort, TiffEntry>();
            if (offset == 0 || offset + 2 > data.Length) return entries;
            var count = UInt16((int)offset);
            for (var i = 0; i < count; i++)
            {
                var at = (int)offset + 2 + i * 12;
                if (at + 12 > data.Length) break;
                var type = UInt16(at + 2);
                var items = UInt32(at + 4);
                var size = (type switch { 3 => 2L, 4 or 9 => 4L, 5 or 10 => 8L, _ => 1L }) * items;
                entries.TryAdd(UInt16(at), new TiffEntry(type, items, size <= 4 ? at + 8 : (int)Math.Min(UInt32(at + 8), int.MaxValue)));
            }
            return entries;
        }

        public uint Number(TiffEntry entry) => entry.Type == 3 ? UInt16(entry.ValueOffset) : UInt32(entry.ValueOffset);

        public string? Ascii(TiffEntry entry)
        {
            if (entry.ValueOffset + (long)entry.Count > data.Length) return null;
            var text = Encoding.ASCII.GetString(data, entry.ValueOffset, (int)entry.Count).TrimEnd('\0', ' ');
            return text.Length == 0 ? null : text;
        }

        public double[] Rationals(TiffEntry entry) =>
        [
            .. Enumerable.Range(0, (int)entry.Count).Select(i =>
            {
                var at = entry.ValueOffset + i * 8;
                if (at + 8 > data.Length) return double.NaN;
                var denominator = UInt32(at + 4);
                return denominator == 0 ? double.NaN : (double)UInt32(at) / denominator;
            }),
        ];
    }
}
