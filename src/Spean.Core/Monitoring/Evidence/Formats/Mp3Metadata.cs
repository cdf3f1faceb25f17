using System.Buffers.Binary;
using System.Text;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Reads the recording time of MP3 recordings and writes copies without their tags: ID3v2 at the start (and
/// appended at the end), APEv2 and ID3v1 at the end. Tags hold titles, artists, comments, recording dates and
/// the software or phone that made the file; the audio frames between them are copied byte for byte.
/// </summary>
internal static class Mp3Metadata
{
    private const int Id3v1Size = 128;
    private const int ApeFooterSize = 32;

    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        var edits = new ByteEdits();
        var start = 0L;
        foreach (var (tag, length) in LeadingTags(original))
        {
            edits.Drop(tag, length);
            start = tag + length;
        }

        var end = original.Length;
        for (var found = true; found && end > start;)
        {
            found = false;
            if (end - start >= Id3v1Size && ByteEdits.Read(original, end - Id3v1Size, 3).AsSpan().SequenceEqual("TAG"u8))
            {
                edits.Drop(end - Id3v1Size, Id3v1Size);
                end -= Id3v1Size;
                found = true;
            }
            if (end - start >= ApeFooterSize && ByteEdits.Read(original, end - ApeFooterSize, 8).AsSpan().SequenceEqual("APETAGEX"u8))
            {
                var footer = ByteEdits.Read(original, end - ApeFooterSize, ApeFooterSize);
                var length = BinaryPrimitives.ReadUInt32LittleEndian(footer.AsSpan(12))
                    + ((BinaryPrimitives.ReadUInt32LittleEndian(footer.AsSpan(20)) & 0x80000000) != 0 ? ApeFooterSize : 0L);
                if (length < ApeFooterSize || length > end - start) throw new InvalidDataException("This MP3's APE tag is larger than the file.");
                edits.Drop(end - length, length);
                end -= length;
                found = true;
            }
            if (end - start >= 10 && ByteEdits.Read(original, end - 10, 3).AsSpan().SequenceEqual("3DI"u8))
            {
                var length = 20 + Id3v2Size(ByteEdits.Read(original, end - 10, 10));
                if (length > end - start) throw new InvalidDataException("This MP3's appended ID3 tag is larger than the file.");
                edits.Drop(end - length, length);
                end -= length;
                found = true;
            }
        }

        var sync = end - start >= 2 ? ByteEdits.Read(original, start, 2) : [];
        if (sync.Length < 2 || sync[0] != 0xFF || (sync[1] & 0xE0) != 0xE0)
            throw new InvalidDataException("After its tags, this MP3 does not start with an audio frame.");
        await edits.CopyAsync(original, output, cancellationToken);
    }

    /// <summary>
    /// The recording time from the first ID3v2.3 or 2.4 tag: TDRC, or v2.3's year, day-and-month and time frames
    /// (TYER, TDAT, TIME) together; a year or a date alone is no time. ID3 has no standard frame for a place or a
    /// device (TSSE names the encoder), so those stay unknown.
    /// </summary>
    public static CaptureFacts Read(Stream original)
    {
        if (LeadingTags(original) is not [var (start, _), ..]) return CaptureFacts.None;
        var header = ByteEdits.Read(original, start, 10);
        var version = header[3];
        // ID3v2.2 (three-letter frames) and tags unsynchronised as a whole are rare enough to be left unread.
        if (version is not (3 or 4) || (header[5] & 0x80) != 0) return CaptureFacts.None;
        var end = start + 10 + Id3v2Size(header);
        var position = start + 10;
        if ((header[5] & 0x40) != 0)
        {
            var extended = ByteEdits.Read(original, position, 4);
            position += version == 3 ? 4 + BinaryPrimitives.ReadUInt32BigEndian(extended) : Syncsafe(extended);
        }
        var frames = new Dictionary<string, string>();
        while (position + 10 <= end)
        {
            var frame = ByteEdits.Read(original, position, 10);
            if (frame[0] == 0) break; // padding
            var id = Encoding.ASCII.GetString(frame, 0, 4);
            var size = version == 3 ? BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4)) : Syncsafe(frame.AsSpan(4, 4));
            if (size > end - position - 10) break;
            // Compressed, encrypted or unsynchronised frames (flags in the last byte) are skipped.
            var plain = (frame[9] & (version == 3 ? 0xE0 : 0x0F)) == 0;
            if (plain && size <= 256 && id is "TDRC" or "TYER" or "TDAT" or "TIME") frames.TryAdd(id, Text(ByteEdits.Read(original, position + 10, (int)size)));
            position += 10 + size;
        }
        var year = frames.GetValueOrDefault("TYER");
        var (dayMonth, time) = (frames.GetValueOrDefault("TDAT"), frames.GetValueOrDefault("TIME"));
        var recorded = CaptureFacts.IsoTime(frames.GetValueOrDefault("TDRC"))
            ?? (year is { Length: 4 } && dayMonth is { Length: 4 } && time is { Length: 4 }
                ? CaptureFacts.IsoTime($"{year}-{dayMonth[2..]}-{dayMonth[..2]}T{time[..2]}:{time[2..]}")
                : null);
        return CaptureFacts.None with { CapturedAt = recorded };
    }

    /// <summary>Where the ID3v2 tags at the start of the file lie (apps sometimes stack two).</summary>
    private static List<(long Start, long Length)> LeadingTags(Stream original)
    {
        var tags = new List<(long, long)>();
        var start = 0L;
        while (original.Length - start >= 10 && ByteEdits.Read(original, start, 3).AsSpan().SequenceEqual("ID3"u8))
        {
            var header = ByteEdits.Read(original, start, 10);
            var length = 10 + Id3v2Size(header) + ((header[5] & 0x10) != 0 ? 10 : 0);
            if (start + length > original.Length) throw new InvalidDataException("This MP3's ID3 tag runs past the end of the file.");
            tags.Add((start, length));
            start += length;
        }
        return tags;
    }

    /// <summary>A text frame's first value: an encoding byte (Latin-1, UTF-16 with a byte order mark, UTF-16BE, UTF-8), then the text.</summary>
    private static string Text(byte[] frame)
    {
        if (frame.Length == 0) return "";
        var data = frame.AsSpan(1);
        var text = frame[0] switch
        {
            0 => Encoding.Latin1.GetString(data),
            1 when data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) => Encoding.BigEndianUnicode.GetString(data[2..]),
            1 => Encoding.Unicode.GetString(data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? data[2..] : data),
            2 => Encoding.BigEndianUnicode.GetString(data),
            _ => Encoding.UTF8.GetString(data),
        };
        return text.Split('\0')[0].Trim();
    }

    /// <summary>The size of an ID3v2 tag without its 10-byte header and footer.</summary>
    private static long Id3v2Size(byte[] header) => Syncsafe(header.AsSpan(6, 4));

    /// <summary>ID3's sizes that cannot be mistaken for a frame sync: 7 bits in each of 4 bytes.</summary>
    private static uint Syncsafe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF)) throw new InvalidDataException("This MP3's ID3 tag has a malformed size.");
        return (uint)((bytes[0] << 21) | (bytes[1] << 14) | (bytes[2] << 7) | bytes[3]);
    }
}
