using System.Buffers.Binary;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Writes copies of OGG recordings (Vorbis or Opus, one stream) with an empty comment header: the tags that
/// recorders and apps fill with titles, artists, dates, places and the device go, the encoder's vendor string
/// stays. The comment is a packet inside the first pages, so those pages are laid out again and every later
/// page gets its sequence number moved and its checksum recomputed; the audio packets are copied byte for byte.
/// </summary>
internal static class OggMetadata
{
    private const byte Continued = 0x01;
    private const byte FirstPage = 0x02;
    private const int HeaderSize = 27;

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(i =>
    {
        var crc = (uint)i << 24;
        for (var bit = 0; bit < 8; bit++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        return crc;
    })];

    private sealed record Page(byte[] Header, byte[] Body)
    {
        public byte Flags => Header[5];
        public uint Serial => BinaryPrimitives.ReadUInt32LittleEndian(Header.AsSpan(14));
        public ReadOnlySpan<byte> Lacing => Header.AsSpan(HeaderSize);
    }

    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        original.Position = 0;
        var first = await ReadPageAsync(original, cancellationToken) ?? throw new InvalidDataException("This OGG file has no pages.");
        var opus = first.Body.AsSpan().StartsWith("OpusHead"u8);
        if ((first.Flags & FirstPage) == 0 || !(opus || first.Body.AsSpan().StartsWith("\u0001vorbis"u8)))
            throw new InvalidDataException("This OGG file holds neither Vorbis nor Opus sound.");
        await WritePageAsync(output, first, 0, cancellationToken);

        // Opus has one more header packet (the comment), Vorbis two (the comment and the codec setup); both end a page.
        var headers = new List<byte[]>();
        using var packet = new MemoryStream();
        uint headerPages = 0;
        while (headers.Count < (opus ? 1 : 2))
        {
            var page = await ReadPageAsync(original, cancellationToken) ?? throw new InvalidDataException("This OGG file ends inside its headers.");
            CheckSameStream(first, page);
            headerPages++;
            var at = 0;
            foreach (var lace in page.Lacing)
            {
                if (headers.Count == (opus ? 1 : 2)) throw new InvalidDataException("This OGG file starts its sound on a header page.");
                packet.Write(page.Body, at, lace);
                at += lace;
                if (lace == 255) continue;
                headers.Add(packet.ToArray());
                packet.SetLength(0);
            }
        }
        headers[0] = EmptyComment(headers[0], opus);

        var sequence = 1u;
        foreach (var page in Paginate(headers, first))
            await WritePageAsync(output, page, sequence++, cancellationToken);
        var shift = sequence - 1 - headerPages;
        while (await ReadPageAsync(original, cancellationToken) is { } page)
        {
            CheckSameStream(first, page);
            await WritePageAsync(output, page, BinaryPrimitives.ReadUInt32LittleEndian(page.Header.AsSpan(18)) + shift, cancellationToken);
        }
    }

    /// <summary>The comment header with its vendor string and no comments (Vorbis also ends it with a framing bit).</summary>
    private static byte[] EmptyComment(byte[] comment, bool opus)
    {
        var magic = opus ? "OpusTags"u8 : "\u0003vorbis"u8;
        if (!comment.AsSpan().StartsWith(magic) || comment.Length < magic.Length + 4)
            throw new InvalidDataException("This OGG file's second packet is not a comment header.");
        var vendorLength = BinaryPrimitives.ReadUInt32LittleEndian(comment.AsSpan(magic.Length));
        if (vendorLength > comment.Length - magic.Length - 4) throw new InvalidDataException("This OGG file's comment header is shorter than its vendor string.");
        var keep = magic.Length + 4 + (int)vendorLength;
        return [.. comment.AsSpan(0, keep), 0, 0, 0, 0, .. opus ? [] : new byte[] { 1 }];
    }

    /// <summary>Lays packets out in pages of up to 255 lacing values: 255 for each full 255-byte segment, then the rest (0 to 254).</summary>
    private static List<Page> Paginate(List<byte[]> packets, Page first)
    {
        var segments = new List<(byte[] Packet, int Offset, byte Length)>();
        foreach (var packet in packets)
        {
            for (var at = 0; at + 255 <= packet.Length; at += 255) segments.Add((packet, at, 255));
            segments.Add((packet, packet.Length / 255 * 255, (byte)(packet.Length % 255)));
        }
        var pages = new List<Page>();
        for (var i = 0; i < segments.Count; i += 255)
        {
            var onPage = segments.Skip(i).Take(255).ToList();
            var header = new byte[HeaderSize + onPage.Count];
            first.Header.AsSpan(0, HeaderSize).CopyTo(header);
            header[5] = i > 0 && segments[i - 1].Length == 255 ? Continued : (byte)0;
            header.AsSpan(6, 8).Clear();
            header[26] = (byte)onPage.Count;
            for (var s = 0; s < onPage.Count; s++) header[HeaderSize + s] = onPage[s].Length;
            pages.Add(new Page(header, [.. onPage.SelectMany(s => s.Packet.Skip(s.Offset).Take(s.Length))]));
        }
        return pages;
    }

    private static void CheckSameStream(Page first, Page page)
    {
        if (page.Serial != first.Serial || (page.Flags & FirstPage) != 0)
            throw new InvalidDataException("This OGG file holds more than one stream; Spean cleans only single recordings.");
    }

    private static async Task<Page?> ReadPageAsync(Stream original, CancellationToken cancellationToken)
    {
        var start = new byte[HeaderSize];
        var read = await original.ReadAtLeastAsync(start, HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (read == 0) return null;
        if (read < HeaderSize || !start.AsSpan().StartsWith("OggS"u8) || start[4] != 0)
            throw new InvalidDataException("This OGG file has bytes that belong to no page.");
        var header = new byte[HeaderSize + start[26]];
        start.CopyTo(header, 0);
        await ReadExactlyAsync(original, header.AsMemory(HeaderSize), cancellationToken);
        var body = new byte[header.AsSpan(HeaderSize).ToArray().Sum(b => b)];
        await ReadExactlyAsync(original, body, cancellationToken);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(22));
        if (Crc(header, body) != crc) throw new InvalidDataException("A page of this OGG file fails its checksum.");
        return new Page(header, body);
    }

    private static async Task ReadExactlyAsync(Stream original, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (await original.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken) < buffer.Length)
            throw new InvalidDataException("This OGG file ends inside a page.");
    }

    private static async Task WritePageAsync(Stream output, Page page, uint sequence, CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(page.Header.AsSpan(18), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(page.Header.AsSpan(22), Crc(page.Header, page.Body));
        await output.WriteAsync(page.Header, cancellationToken);
        await output.WriteAsync(page.Body, cancellationToken);
    }

    /// <summary>CRC-32 with polynomial 0x04C11DB7, most significant bit first, over the page with its checksum field as zeros.</summary>
    private static uint Crc(byte[] header, byte[] body)
    {
        var crc = 0u;
        for (var i = 0; i < header.Length; i++) crc = (crc << 8) ^ CrcTable[(crc >> 24) ^ (i is >= 22 and < 26 ? 0 : header[i])];
        foreach (var b in body) crc = (crc << 8) ^ CrcTable[(crc >> 24) ^ b];
        return crc;
    }
}
