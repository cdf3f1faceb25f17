using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Reads the EXIF chunk of PNG images and writes copies without their metadata chunks. A PNG is a signature
/// followed by chunks (length, type, data, CRC); the copy leaves out the chunks that can name a place, a
/// device, a person or a time, and keeps the others byte for byte, so the image is not re-encoded.
/// </summary>
public static class PngMetadata
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> Dropped = ["eXIf", "tEXt", "iTXt", "zTXt", "tIME"];

    /// <summary>Reads the facts from the eXIf chunk in the start of the file, if it has one there.</summary>
    public static CaptureFacts Read(ReadOnlySpan<byte> head)
    {
        var position = Signature.Length;
        while (head.StartsWith(Signature) && position + 8 <= head.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(head[position..]);
            if (length > head.Length - position - 8) break;
            if (head.Slice(position + 4, 4).SequenceEqual("eXIf"u8)) return JpegMetadata.ReadExif(head.Slice(position + 8, (int)length));
            if (head.Slice(position + 4, 4).SequenceEqual("IDAT"u8)) break;
            position += 12 + (int)length;
        }
        return CaptureFacts.None;
    }

    public static async Task WriteWithoutMetadataAsync(
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, Stream output, CancellationToken cancellationToken = default)
    {
        await foreach (var part in WithoutMetadata(chunks, cancellationToken))
            await output.WriteAsync(part, cancellationToken);
    }

    /// <summary>Streams the file through, holding back only the 8-byte signature and chunk headers it has to read.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> WithoutMetadata(
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = new byte[8];
        var headerLength = 0;
        var signatureRead = false;
        var ended = false;
        long remaining = 0;
        var keep = true;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            var data = chunk;
            while (data.Length > 0)
            {
                if (remaining > 0)
                {
                    var take = (int)Math.Min(remaining, data.Length);
                    if (keep) yield return data[..take];
                    data = data[take..];
                    remaining -= take;
                    continue;
                }
                if (ended) break; // bytes after the end chunk are no part of the image and can hide anything
                var copied = Math.Min(header.Length - headerLength, data.Length);
                data[..copied].CopyTo(header.AsMemory(headerLength));
                headerLength += copied;
                data = data[copied..];
                if (headerLength < header.Length) break;
                headerLength = 0;
                if (!signatureRead)
                {
                    if (!header.AsSpan().SequenceEqual(Signature)) throw new InvalidDataException("This is not a PNG image.");
                    signatureRead = true;
                    yield return header.ToArray();
                    continue;
                }
                var type = Encoding.ASCII.GetString(header, 4, 4);
                remaining = BinaryPrimitives.ReadUInt32BigEndian(header) + 4L;
                keep = !Dropped.Contains(type);
                ended = type == "IEND";
                if (keep) yield return header.ToArray();
            }
        }
        if (!ended || remaining > 0 || headerLength > 0) throw new InvalidDataException("This PNG ends before its end chunk.");
    }
}
