using System.Buffers.Binary;

namespace Spean.Core.Monitoring;

/// <summary>
/// Writes copies of MP3 recordings without their tags: ID3v2 at the start (and appended at the end), APEv2
/// and ID3v1 at the end. Tags hold titles, artists, comments, recording dates and the software or phone that
/// made the file; the audio frames between them are copied byte for byte.
/// </summary>
internal static class Mp3Metadata
{
    private const int Id3v1Size = 128;
    private const int ApeFooterSize = 32;

    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        var edits = new ByteEdits();
        var start = 0L;
        while (original.Length - start >= 10 && ByteEdits.Read(original, start, 3).AsSpan().SequenceEqual("ID3"u8))
        {
            var header = ByteEdits.Read(original, start, 10);
            var length = 10 + Id3v2Size(header) + ((header[5] & 0x10) != 0 ? 10 : 0);
            if (start + length > original.Length) throw new InvalidDataException("This MP3's ID3 tag runs past the end of the file.");
            edits.Drop(start, length);
            start += length;
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

    /// <summary>The size of an ID3v2 tag without its 10-byte header and footer: 7 bits in each of 4 bytes.</summary>
    private static long Id3v2Size(byte[] header)
    {
        if (header[6..10].Any(b => b >= 0x80)) throw new InvalidDataException("This MP3's ID3 tag has a malformed size.");
        return (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9];
    }
}
