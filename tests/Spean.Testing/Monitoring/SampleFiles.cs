using System.IO.Compression;
using System.Text;

namespace Spean.Testing.Monitoring;

/// <summary>Small files of each kind, built byte by byte, so the tests say exactly what they hold.</summary>
public static class SampleFiles
{
    public static byte[] Jpeg(byte[]? exif = null, string comment = "")
    {
        var file = new List<byte> { 0xFF, 0xD8 };
        Segment(file, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (exif is not null) Segment(file, 0xE1, [.. "Exif\0\0"u8, .. exif]);
        Segment(file, 0xE1, Encoding.UTF8.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Witness Sokha Chan</x:xmpmeta>"));
        if (comment.Length > 0) Segment(file, 0xFE, Encoding.UTF8.GetBytes(comment));
        Segment(file, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(file, 0xDA, [1, 1, 0, 0, 63, 0]);
        file.AddRange(Enumerable.Range(0, 5000).Select(i => (byte)(i % 200)));
        file.AddRange([0xFF, 0xD9]);
        return [.. file];
    }

    private static void Segment(List<byte> file, byte marker, byte[] data)
    {
        file.AddRange([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        file.AddRange(data);
    }

    /// <summary>A little-endian EXIF block with camera, time and GPS position, as a phone writes it.</summary>
    public static byte[] Exif(string make, string model, string taken, string? offset, double latitude, double longitude)
    {
        var exifIfd = new List<Entry> { Ascii(0x9003, taken) };
        if (offset is not null) exifIfd.Add(Ascii(0x9011, offset));
        var gps = new List<Entry>
        {
            Ascii(1, latitude < 0 ? "S" : "N"), Rationals(2, Math.Abs(latitude)),
            Ascii(3, longitude < 0 ? "W" : "E"), Rationals(4, Math.Abs(longitude)),
        };
        var root = new List<Entry> { Ascii(0x010F, make), Ascii(0x0110, model), new(0x8769, 4, 1, new byte[4]), new(0x8825, 4, 1, new byte[4]) };
        var rootOffset = 8;
        var exifOffset = rootOffset + Size(root);
        var gpsOffset = exifOffset + Size(exifIfd);
        root[2] = root[2] with { Data = BitConverter.GetBytes((uint)exifOffset) };
        root[3] = root[3] with { Data = BitConverter.GetBytes((uint)gpsOffset) };
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 };
        Write(tiff, root);
        Write(tiff, exifIfd);
        Write(tiff, gps);
        return [.. tiff];
    }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Data);

    private static Entry Ascii(ushort tag, string text) => new(tag, 2, (uint)text.Length + 1, [.. Encoding.ASCII.GetBytes(text), 0]);

    private static Entry Rationals(ushort tag, double degrees)
    {
        var whole = Math.Floor(degrees);
        var minutes = Math.Floor((degrees - whole) * 60);
        var seconds = (degrees - whole - minutes / 60) * 3600;
        uint[] parts = [(uint)whole, 1, (uint)minutes, 1, (uint)Math.Round(seconds * 10000), 10000];
        return new(tag, 5, 3, [.. parts.SelectMany(BitConverter.GetBytes)]);
    }

    private static int Size(List<Entry> entries) => 2 + entries.Count * 12 + 4 + entries.Sum(e => e.Data.Length > 4 ? e.Data.Length : 0);

    private static void Write(List<byte> tiff, List<Entry> entries)
    {
        var dataOffset = tiff.Count + 2 + entries.Count * 12 + 4;
        var data = new List<byte>();
        tiff.AddRange(BitConverter.GetBytes((ushort)entries.Count));
        foreach (var entry in entries)
        {
            tiff.AddRange(BitConverter.GetBytes(entry.Tag));
            tiff.AddRange(BitConverter.GetBytes(entry.Type));
            tiff.AddRange(BitConverter.GetBytes(entry.Count));
            if (entry.Data.Length <= 4) tiff.AddRange([.. entry.Data, .. new byte[4 - entry.Data.Length]]);
            else
            {
                tiff.AddRange(BitConverter.GetBytes((uint)(dataOffset + data.Count)));
                data.AddRange(entry.Data);
            }
        }
        tiff.AddRange(new byte[4]);
        tiff.AddRange(data);
    }

    public static byte[] Png() => [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 13, .. "IHDR"u8, .. new byte[40]];

    /// <summary>A real one-pixel PNG with the chunks phones and editors add: EXIF (with GPS), a text comment and a modification time.</summary>
    public static byte[] Png(byte[] exif, string comment)
    {
        var file = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
        PngChunk(file, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        PngChunk(file, "eXIf", exif);
        PngChunk(file, "tEXt", [.. "Comment\0"u8, .. Encoding.Latin1.GetBytes(comment)]);
        PngChunk(file, "tIME", [0x07, 0xE9, 3, 14, 9, 26, 53]);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write([0, 0xC0, 0x30, 0x30]);
        PngChunk(file, "IDAT", pixels.ToArray());
        PngChunk(file, "IEND", []);
        return [.. file];
    }

    private static void PngChunk(List<byte> file, string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        file.AddRange([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
        file.AddRange(typed);
        var crc = Crc32(typed);
        file.AddRange([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static byte[] Pdf() => "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static byte[] IsoMedia(string brand) => [0, 0, 0, 24, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0, .. "isommp41"u8, .. new byte[100]];

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open());
                writer.Write(content);
            }
        return stream.ToArray();
    }

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));
}
