using System.Buffers.Binary;
using System.Text;

namespace Spean.Core.Monitoring;

/// <summary>
/// Writes copies of WebP images and WAV recordings, both RIFF files (a header, then chunks: type, little-endian
/// size, data, a pad byte after odd sizes), keeping only the chunks that make the picture or the sound and
/// fixing the RIFF size. Kept chunks are copied byte for byte; bytes after the RIFF's end are dropped.
/// </summary>
internal static class RiffMetadata
{
    /// <summary>WebP keeps its image, alpha, animation and colour profile chunks; EXIF, XMP and unknown chunks go.</summary>
    private static readonly HashSet<string> WebpKept = ["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"];

    /// <summary>WAV keeps its format, sound and sample count; LIST/INFO (artist, comment, software), bext (originator, date), iXML, id3 and the rest go.</summary>
    private static readonly HashSet<string> WavKept = ["fmt ", "data", "fact"];

    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    public static Task WriteWebpWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(original, output, "WEBP", WebpKept, cancellationToken);

    public static Task WriteWavWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(original, output, "WAVE", WavKept, cancellationToken);

    private static async Task WriteAsync(Stream original, Stream output, string form, HashSet<string> kept, CancellationToken cancellationToken)
    {
        var header = ByteEdits.Read(original, 0, 12);
        if (!header.AsSpan(0, 4).SequenceEqual("RIFF"u8) || Encoding.ASCII.GetString(header, 8, 4) != form)
            throw new InvalidDataException($"This is not a RIFF {form} file.");
        var end = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (end > original.Length) throw new InvalidDataException("This file is shorter than its RIFF header says.");

        var edits = new ByteEdits();
        var position = 12L;
        var dropped = 0L;
        while (position < end)
        {
            if (end - position < 8) throw new InvalidDataException("This file has bytes that belong to no chunk.");
            var chunk = ByteEdits.Read(original, position, 8);
            var type = Encoding.Latin1.GetString(chunk, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            // Recorders often leave out the pad byte after an odd-sized last chunk.
            var next = Math.Min(position + 8 + size + (size & 1), end);
            if (position + 8 + size > end) throw new InvalidDataException($"The {type.Trim()} chunk of this file runs past its end.");
            if (!kept.Contains(type))
            {
                edits.Drop(position, next - position);
                dropped += next - position;
            }
            else if (type == "VP8X")
            {
                if (size < 10) throw new InvalidDataException("This WebP's VP8X chunk is too short.");
                var flags = ByteEdits.Read(original, position + 8, 1)[0];
                edits.Overwrite(position + 8, [(byte)(flags & ~(ExifFlag | XmpFlag))]);
            }
            position = next;
        }
        var riffSize = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(riffSize, (uint)(end - 8 - dropped));
        edits.Overwrite(4, riffSize);
        if (end < original.Length) edits.Drop(end, original.Length - end);
        await edits.CopyAsync(original, output, cancellationToken);
    }
}
