using System.Buffers.Binary;
using System.Text;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Reads the facts of WebP images and WAV recordings, both RIFF files (a header, then chunks), and writes copies
/// of them keeping only the chunks that make the picture or the sound, with the RIFF size fixed. Kept chunks are
/// copied byte for byte; bytes after the RIFF's end are dropped.
/// </summary>
internal static class RiffMetadata
{
    /// <summary>WebP keeps its image, alpha, animation and colour profile chunks; EXIF, XMP and unknown chunks go.</summary>
    private static readonly HashSet<string> WebpKept = ["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"];

    /// <summary>WAV keeps its format, sound and sample count; LIST/INFO (artist, comment, software), bext (originator, date), iXML, id3 and the rest go.</summary>
    private static readonly HashSet<string> WavKept = ["fmt ", "data", "fact"];

    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;
    private const int MaxExif = 1024 * 1024;
    private const int MaxInfo = 64 * 1024;

    public static Task WriteWebpWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(original, output, "WEBP", WebpKept, cancellationToken);

    public static Task WriteWavWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(original, output, "WAVE", WavKept, cancellationToken);

    private static async Task WriteAsync(Stream original, Stream output, string form, HashSet<string> kept, CancellationToken cancellationToken)
    {
        var (chunks, end) = Chunks(original, form);
        var edits = new ByteEdits();
        var dropped = 0L;
        foreach (var chunk in chunks)
        {
            if (!kept.Contains(chunk.Type))
            {
                edits.Drop(chunk.Start, chunk.Next - chunk.Start);
                dropped += chunk.Next - chunk.Start;
            }
            else if (chunk.Type == "VP8X")
            {
                if (chunk.Size < 10) throw new InvalidDataException("This WebP's VP8X chunk is too short.");
                var flags = ByteEdits.Read(original, chunk.Data, 1)[0];
                edits.Overwrite(chunk.Data, [(byte)(flags & ~(ExifFlag | XmpFlag))]);
            }
        }
        var riffSize = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(riffSize, (uint)(end - 8 - dropped));
        edits.Overwrite(4, riffSize);
        if (end < original.Length) edits.Drop(end, original.Length - end);
        await edits.CopyAsync(original, output, cancellationToken);
    }

    /// <summary>The facts in a WebP's EXIF chunk, which holds a TIFF header and its directories (a few writers put "Exif\0\0" first).</summary>
    public static CaptureFacts ReadWebp(Stream original)
    {
        var exif = Chunks(original, "WEBP").Chunks.FirstOrDefault(c => c.Type == "EXIF");
        if (exif.Type is null || exif.Size > MaxExif) return CaptureFacts.None;
        var tiff = ByteEdits.Read(original, exif.Data, (int)exif.Size).AsSpan();
        return JpegMetadata.ReadExif(tiff.StartsWith("Exif\0\0"u8) ? tiff[6..] : tiff);
    }

    /// <summary>
    /// A WAV's recording time: the broadcast extension's origination date and time (local, as recorders write them),
    /// else LIST/INFO's creation date when it has a time of day. The extension's originator is not taken as the
    /// device: it may as well name the person who made the recording.
    /// </summary>
    public static CaptureFacts ReadWav(Stream original)
    {
        var chunks = Chunks(original, "WAVE").Chunks;
        DateTime? recorded = null;
        if (chunks.FirstOrDefault(c => c.Type == "bext") is { Type: not null, Size: >= 338 } bext)
        {
            var digits = new string([.. Encoding.ASCII.GetString(ByteEdits.Read(original, bext.Data + 320, 18)).Where(char.IsAsciiDigit)]);
            if (digits.Length == 14) recorded = CaptureFacts.IsoTime($"{digits[..4]}-{digits[4..6]}-{digits[6..8]}T{digits[8..10]}:{digits[10..12]}:{digits[12..]}");
        }
        if (recorded is null && chunks.FirstOrDefault(c => c.Type == "LIST") is { Type: not null, Size: >= 4 and <= MaxInfo } list
            && ByteEdits.Read(original, list.Data, 4).AsSpan().SequenceEqual("INFO"u8))
        {
            var info = ByteEdits.Read(original, list.Data + 4, (int)list.Size - 4);
            for (var at = 0; at + 8 <= info.Length;)
            {
                var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(at + 4)), info.Length - at - 8);
                if (info.AsSpan(at, 4).SequenceEqual("ICRD"u8)) recorded = CaptureFacts.IsoTime(Encoding.ASCII.GetString(info, at + 8, size).TrimEnd('\0'));
                at += 8 + size + (size & 1);
            }
        }
        return CaptureFacts.None with { CapturedAt = recorded };
    }

    private readonly record struct Chunk(string Type, long Start, uint Size, long Next)
    {
        public long Data => Start + 8;
    }

    /// <summary>The chunks of a RIFF file of the given form (type, little-endian size, data, a pad byte after odd sizes), and where the RIFF ends.</summary>
    private static (List<Chunk> Chunks, long End) Chunks(Stream original, string form)
    {
        var header = ByteEdits.Read(original, 0, 12);
        if (!header.AsSpan(0, 4).SequenceEqual("RIFF"u8) || Encoding.ASCII.GetString(header, 8, 4) != form)
            throw new InvalidDataException($"This is not a RIFF {form} file.");
        var end = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (end > original.Length) throw new InvalidDataException("This file is shorter than its RIFF header says.");

        var chunks = new List<Chunk>();
        var position = 12L;
        while (position < end)
        {
            if (end - position < 8) throw new InvalidDataException("This file has bytes that belong to no chunk.");
            var chunk = ByteEdits.Read(original, position, 8);
            var type = Encoding.Latin1.GetString(chunk, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (position + 8 + size > end) throw new InvalidDataException($"The {type.Trim()} chunk of this file runs past its end.");
            // Recorders often leave out the pad byte after an odd-sized last chunk.
            var next = Math.Min(position + 8 + size + (size & 1), end);
            chunks.Add(new Chunk(type, position, size, next));
            position = next;
        }
        return (chunks, end);
    }
}
