using System.Buffers.Binary;
using System.Text;
using Spean.Testing.Monitoring;

namespace Spean.Core.Tests.Monitoring;

/// <summary>OGG recordings built page by page, with checksums, as Opus and Vorbis encoders lay them out.</summary>
internal static class SampleOgg
{
    public const uint Serial = 0x5EA1;
    public static readonly byte[][] Audio = [.. Enumerable.Range(0, 7).Select(i => SampleMedia.Pictures.Skip(i * 300).Take(100 + i * 30).ToArray())];

    /// <summary>A voice note: OpusHead, then a comment header long enough to span two pages, then sound in three pages.</summary>
    public static byte[] Opus()
    {
        byte[] head = [.. "OpusHead"u8, 1, 1, 0x38, 1, 0x80, 0xBB, 0, 0, 0, 0, 0];
        var tags = Tags("OpusTags"u8, []);
        return Stream([[head], [tags], [Audio[0], Audio[1]], [Audio[2], Audio[3], Audio[4]], [Audio[5], Audio[6]]]);
    }

    /// <summary>Vorbis: identification, then the comment and codec setup sharing pages, then sound.</summary>
    public static byte[] Vorbis()
    {
        byte[] identification = [.. "\u0001vorbis"u8, 0, 0, 0, 0, 1, 0x44, 0xAC, 0, 0, 0, 0, 0, 0, 0x80, 0xB5, 1, 0, 0, 0, 0, 0xB8, 1];
        var comment = Tags("\u0003vorbis"u8, [1]);
        byte[] setup = [.. "\u0005vorbis"u8, .. SampleMedia.Pictures.Take(700)];
        return Stream([[identification], [comment, setup], [Audio[0], Audio[1], Audio[2]], [Audio[3], Audio[4], Audio[5], Audio[6]]]);
    }

    public static string Vendor => "libopus 1.3.1";

    private static byte[] Tags(ReadOnlySpan<byte> magic, byte[] end)
    {
        string[] comments = ["ARTIST=Sokha Chan", "LOCATION=+13.8047+104.9802", "DEVICE=Galaxy A12", "NOTES=" + new string('x', 70_000)];
        var body = new List<byte>(magic.ToArray());
        body.AddRange(BitConverter.GetBytes(Vendor.Length));
        body.AddRange(Encoding.ASCII.GetBytes(Vendor));
        body.AddRange(BitConverter.GetBytes(comments.Length));
        foreach (var comment in comments)
        {
            body.AddRange(BitConverter.GetBytes(comment.Length));
            body.AddRange(Encoding.UTF8.GetBytes(comment));
        }
        body.AddRange(end);
        return [.. body];
    }

    /// <summary>Each group of packets starts on a fresh page and ends a page, as the headers and the first sound must.</summary>
    private static byte[] Stream(byte[][][] groups)
    {
        var file = new List<byte>();
        var sequence = 0u;
        for (var g = 0; g < groups.Length; g++)
        {
            var segments = groups[g].SelectMany(p => Lacing(p.Length).Select((lace, i) => (Packet: p, Offset: i * 255, Lace: lace))).ToList();
            for (var s = 0; s < segments.Count; s += 255)
            {
                var page = segments.Skip(s).Take(255).ToList();
                var flags = (byte)((s > 0 && segments[s - 1].Lace == 255 ? 1 : 0) | (sequence == 0 ? 2 : 0)
                    | (g == groups.Length - 1 && s + 255 >= segments.Count ? 4 : 0));
                var granule = g < 2 ? 0UL : (ulong)(sequence * 960);
                file.AddRange(Page(flags, granule, sequence++, page.Select(p => p.Lace).ToArray(),
                    [.. page.SelectMany(p => p.Packet.Skip(p.Offset).Take(p.Lace))]));
            }
        }
        return [.. file];
    }

    private static IEnumerable<byte> Lacing(int length) => [.. Enumerable.Repeat((byte)255, length / 255), (byte)(length % 255)];

    private static byte[] Page(byte flags, ulong granule, uint sequence, byte[] lacing, byte[] body)
    {
        var header = new byte[27 + lacing.Length];
        "OggS"u8.CopyTo(header);
        header[5] = flags;
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14), Serial);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(18), sequence);
        header[26] = (byte)lacing.Length;
        lacing.CopyTo(header, 27);
        byte[] page = [.. header, .. body];
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), Crc(page));
        return page;
    }

    /// <summary>Ogg's CRC-32 (polynomial 0x04C11DB7, no reflection), bit by bit.</summary>
    public static uint Crc(byte[] page)
    {
        var crc = 0u;
        for (var i = 0; i < page.Length; i++)
        {
            crc ^= (uint)(i is >= 22 and < 26 ? 0 : page[i]) << 24;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }

    /// <summary>The pages of a file, each checked for its capture pattern and checksum.</summary>
    public static List<(byte Flags, uint Serial, uint Sequence, byte[] Lacing, byte[] Body)> Pages(byte[] file)
    {
        var pages = new List<(byte, uint, uint, byte[], byte[])>();
        for (var at = 0; at < file.Length;)
        {
            Assert.True(file.AsSpan(at).StartsWith("OggS"u8), $"no page at {at}");
            var lacing = file.AsSpan(at + 27, file[at + 26]).ToArray();
            var size = 27 + lacing.Length + lacing.Sum(b => b);
            var page = file[at..(at + size)];
            Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22)), Crc(page));
            pages.Add((page[5], BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(14)), BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(18)),
                lacing, page[(27 + lacing.Length)..]));
            at += size;
        }
        return pages;
    }

    /// <summary>The packets of a file, reassembled from the pages' lacing values.</summary>
    public static List<byte[]> Packets(byte[] file)
    {
        var packets = new List<byte[]>();
        var current = new List<byte>();
        foreach (var page in Pages(file))
        {
            var at = 0;
            foreach (var lace in page.Lacing)
            {
                current.AddRange(page.Body.Skip(at).Take(lace));
                at += lace;
                if (lace < 255)
                {
                    packets.Add([.. current]);
                    current.Clear();
                }
            }
        }
        return packets;
    }
}
