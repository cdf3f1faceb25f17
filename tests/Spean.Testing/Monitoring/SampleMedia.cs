using System.Buffers.Binary;
using System.Text;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Testing.Monitoring;

/// <summary>Small video, audio and image files, built byte by byte with the metadata phones and apps plant in them.</summary>
public static class SampleMedia
{
    public const string Iso6709 = "+13.8047+104.9802/";
    public const uint DeviceClock = 0xE1B2C3D4;
    public static readonly byte[] Pictures = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 + 1))];
    public static readonly byte[] Exif = SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802);

    /// <summary>The copy a reader of a published report gets.</summary>
    public static async Task<byte[]> PublicCopyAsync(string contentType, byte[] original)
    {
        using var output = new MemoryStream();
        await PublicCopies.WriteWithoutMetadataAsync(contentType, new MemoryStream(original), output, default);
        return output.ToArray();
    }

    public static bool Holds(byte[] file, string text) => file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>
    /// An MP4 as a phone writes it: the media data, then the movie box with a video track, a timed metadata
    /// track whose one sample is the GPS position, QuickTime's <c>©xyz</c> and Apple's location and model keys,
    /// device-clock times in every header, and an XMP box at the end.
    /// </summary>
    public static byte[] Mp4(string brand = "mp42")
    {
        byte[] ftyp = Ftyp(brand);
        var gps = Latin1(Iso6709);
        var videoAt = (uint)ftyp.Length + 8;
        var gpsAt = videoAt + (uint)Pictures.Length;
        byte[] mdat = Box("mdat", [.. Pictures, .. gps]);
        byte[] moov = Box("moov",
            Mvhd(DeviceClock),
            Track(1, "vide", videoAt, (uint)Pictures.Length),
            Track(2, "meta", gpsAt, (uint)gps.Length),
            UserData(("\u00A9xyz", Iso6709), ("\u00A9mak", "samsung")),
            Keys(("com.apple.quicktime.location.ISO6709", Iso6709), ("com.apple.quicktime.model", "iPhone 8")));
        byte[] xmp = Box("uuid", [.. Convert.FromHexString("BE7ACFCB97A942E89C71999491E3AFAC"), .. "<x:xmpmeta>Witness Sokha Chan</x:xmpmeta>"u8]);
        return [.. ftyp, .. mdat, .. moov, .. xmp];
    }

    /// <summary>A movie as phones write it: the media data first, then the movie box with its header (creation time in seconds since 1904), one video track and the given metadata boxes.</summary>
    public static byte[] Movie(string brand, uint created, int mediaSize, params byte[][] metadata)
    {
        byte[] ftyp = Ftyp(brand);
        byte[] media = [.. Enumerable.Range(0, mediaSize).Select(i => (byte)(i * 7 + 1))];
        return [.. ftyp, .. Box("mdat", media), .. Box("moov", [Mvhd(created), Track(1, "vide", (uint)ftyp.Length + 8, (uint)media.Length), .. metadata])];
    }

    /// <summary>Seconds since 1904-01-01 UTC, as movie headers count.</summary>
    public static uint Since1904(DateTime utc) => (uint)(utc - new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;

    /// <summary>QuickTime user data: each text a box with a 16-bit length, a 16-bit language code and the text.</summary>
    public static byte[] UserData(params (string Type, string Text)[] texts) =>
        Box("udta", [.. texts.Select(t => Box(t.Type, [.. U16(Encoding.UTF8.GetByteCount(t.Text)), 0x15, 0xC7, .. Encoding.UTF8.GetBytes(t.Text)]))]);

    /// <summary>Apple's and Android's metadata: a QuickTime meta box (no version) with a handler, the key names, and the values by key index.</summary>
    public static byte[] Keys(params (string Key, string Value)[] items) => Box("meta",
        FullBox("hdlr", [0, 0, 0, 0, .. "mdta"u8, .. new byte[12], 0]),
        FullBox("keys", [.. U32((uint)items.Length), .. items.SelectMany(i => Key(i.Key))]),
        Box("ilst", [.. items.Select((item, i) => Item((uint)i + 1, item.Value))]));

    /// <summary>iTunes-style tags, as in an M4A's <c>udta</c>: an ISO meta box (with a version) whose items are named by their own type.</summary>
    public static byte[] ITunesItems(params (string Type, string Value)[] items) => FullBox("meta",
        FullBox("hdlr", [0, 0, 0, 0, .. "mdir"u8, .. "appl"u8, .. new byte[8], 0]),
        Box("ilst", [.. items.Select(i => Box(i.Type, Box("data", [.. U32(1), .. U32(0), .. Encoding.UTF8.GetBytes(i.Value)])))]));

    private static byte[] Ftyp(string brand) => Box("ftyp", [.. Latin1(brand), 0, 0, 0, 0, .. "isommp42"u8]);

    private static byte[] Mvhd(uint created) => FullBox("mvhd", [.. U32(created), .. U32(created), .. U32(600), .. U32(6000), .. new byte[80]]);

    public static int PicturesOffsetInMp4 => 24 + 8;

    private static byte[] Track(uint id, string handler, uint offset, uint size) => Box("trak",
        FullBox("tkhd", [.. U32(DeviceClock), .. U32(DeviceClock), .. U32(id), .. new byte[4], .. U32(6000), .. new byte[60]]),
        Box("mdia",
            FullBox("mdhd", [.. U32(DeviceClock), .. U32(DeviceClock), .. U32(600), .. U32(6000), 0x55, 0xC4, 0, 0]),
            FullBox("hdlr", [0, 0, 0, 0, .. Latin1(handler), .. new byte[12], .. "Handler\0"u8]),
            Box("minf", Box("stbl",
                FullBox("stsd", U32(0)),
                FullBox("stsz", [.. U32(0), .. U32(1), .. U32(size)]),
                FullBox("stsc", [.. U32(1), .. U32(1), .. U32(1), .. U32(1)]),
                FullBox("stco", [.. U32(1), .. U32(offset)])))));

    private static byte[] Key(string name) => [.. U32((uint)name.Length + 8), .. "mdta"u8, .. Latin1(name)];

    private static byte[] Item(uint key, string value) => Box(Encoding.Latin1.GetString(U32(key)), Box("data", [.. U32(1), .. U32(0), .. Encoding.UTF8.GetBytes(value)]));

    /// <summary>A HEIC photo: the picture item and an Exif item with the GPS position, both in the media data, found through iinf and iloc.</summary>
    /// <param name="exifOutside">Whether iloc puts the Exif item where the file has no bytes.</param>
    public static byte[] Heic(bool exifOutside = false)
    {
        byte[] ftyp = Box("ftyp", [.. "heic"u8, 0, 0, 0, 0, .. "mif1heic"u8]);
        byte[] exifItem = [0, 0, 0, 6, .. "Exif\0\0"u8, .. Exif];
        byte[] Meta(uint picturesAt, uint exifAt) => FullBox("meta",
            FullBox("hdlr", [0, 0, 0, 0, .. "pict"u8, .. new byte[12], 0]),
            FullBox("pitm", U16(1)),
            FullBox("iinf", [.. U16(2), .. Infe(1, "hvc1"), .. Infe(2, "Exif")]),
            FullBox("iloc", [0x44, 0x00, .. U16(2),
                .. U16(1), .. U16(0), .. U16(1), .. U32(picturesAt), .. U32((uint)Pictures.Length),
                .. U16(2), .. U16(0), .. U16(1), .. U32(exifAt), .. U32((uint)exifItem.Length)]));
        var mdatAt = (uint)(ftyp.Length + Meta(0, 0).Length);
        return [.. ftyp, .. Meta(mdatAt + 8, exifOutside ? 0x7FFF0000 : mdatAt + 8 + (uint)Pictures.Length), .. Box("mdat", [.. Pictures, .. exifItem])];
    }

    private static byte[] Infe(ushort id, string type) => FullBox("infe", [.. U16(id), 0, 0, .. Latin1(type), 0], version: 2);

    public static byte[] Box(string type, params byte[][] parts)
    {
        var payload = parts.SelectMany(p => p).ToArray();
        return [.. U32((uint)payload.Length + 8), .. Latin1(type), .. payload];
    }

    private static byte[] FullBox(string type, byte[] payload, byte version = 0) => Box(type, [version, 0, 0, 0], payload);

    private static byte[] FullBox(string type, params byte[][] children) => Box(type, [[0, 0, 0, 0], .. children]);

    /// <summary>The boxes that fill a range, checked to fit exactly, as a player would read them.</summary>
    public static List<(string Type, int Start, int End)> Boxes(byte[] file, int start, int end)
    {
        var boxes = new List<(string, int, int)>();
        for (var at = start; at < end;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            Assert.InRange(size, 8, end - at);
            boxes.Add((Encoding.Latin1.GetString(file, at + 4, 4), at, at + size));
            at += size;
        }
        return boxes;
    }

    /// <summary>A WebP with an extended header that flags EXIF and XMP, an odd-sized image chunk (so a pad byte), EXIF and XMP.</summary>
    public static byte[] Webp() => Riff("WEBP",
        Chunk("VP8X", [0x08 | 0x04 | 0x10, 0, 0, 0, 99, 0, 0, 99, 0, 0]),
        Chunk("VP8 ", Pictures[..101]),
        Chunk("EXIF", Exif),
        Chunk("XMP ", "<x:xmpmeta>Witness Sokha Chan</x:xmpmeta>"u8.ToArray()));

    /// <summary>A WAV as recorder apps write it: format, a broadcast extension naming the device and the local time of recording, LIST/INFO with artist and comment, then the sound.</summary>
    public static byte[] Wav() => Riff("WAVE",
        Chunk("fmt ", [1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0]),
        Chunk("bext", [.. Fixed("Recorded with Galaxy A12", 256), .. Fixed("samsung", 32), .. Fixed("", 32), .. "2025-03-1409:26:53"u8, .. new byte[264]]),
        Chunk("LIST", [.. "INFO"u8, .. Chunk("IART", "Sokha Chan\0"u8.ToArray()), .. Chunk("ICMT", "at the clearing +13.8047\0"u8.ToArray())]),
        Chunk("data", Pictures[..1001]));

    public static byte[] Riff(string form, params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        return [.. "RIFF"u8, .. BitConverter.GetBytes((uint)body.Length + 4), .. Latin1(form), .. body];
    }

    public static byte[] Chunk(string type, byte[] data) =>
        [.. Latin1(type), .. BitConverter.GetBytes((uint)data.Length), .. data, .. data.Length % 2 == 1 ? new byte[1] : []];

    /// <summary>Five MPEG-1 layer III frames of 417 bytes (128 kbit/s, 44.1 kHz).</summary>
    public static readonly byte[] Mp3Frames = [.. Enumerable.Range(0, 5).SelectMany(f => (byte[])[0xFF, 0xFB, 0x90, 0x00, .. Pictures.Skip(f * 413).Take(413)])];

    /// <summary>An MP3 with an ID3v2.3 tag (title, artist, a comment with the place), then frames, an APEv2 tag and an ID3v1 tag.</summary>
    public static byte[] Mp3()
    {
        byte[] frames = [.. Id3Frame("TIT2", "Interview at the clearing"), .. Id3Frame("TPE1", "Sokha Chan"), .. Id3Frame("TXXX", "GPS\0+13.8047+104.9802")];
        byte[] id3 = [.. "ID3"u8, 3, 0, 0, 0, 0, (byte)(frames.Length >> 7), (byte)(frames.Length & 0x7F), .. frames];
        byte[] item = [.. BitConverter.GetBytes(10u), 0, 0, 0, 0, .. "Artist\0"u8, .. "Sokha Chan"u8];
        byte[] ApeHeader(uint flags) => [.. "APETAGEX"u8, .. BitConverter.GetBytes(2000u), .. BitConverter.GetBytes((uint)item.Length + 32), .. BitConverter.GetBytes(1u),
            .. BitConverter.GetBytes(flags), .. new byte[8]];
        byte[] ape = [.. ApeHeader(0xA0000000), .. item, .. ApeHeader(0x80000000)];
        byte[] id3v1 = [.. "TAG"u8, .. Fixed("Interview", 30), .. Fixed("Sokha Chan", 30), .. Fixed("", 30), .. "2025"u8, .. Fixed("Galaxy A12", 30), 12];
        return [.. id3, .. Mp3Frames, .. ape, .. id3v1];
    }

    /// <summary>An MP3 with an ID3v2 tag of the given version holding the given text frames (Latin-1, short enough for both versions to read the size alike).</summary>
    public static byte[] Mp3(byte version, params (string Id, string Text)[] frames)
    {
        byte[] body = [.. frames.SelectMany(f => Id3Frame(f.Id, f.Text))];
        return [.. "ID3"u8, version, 0, 0, 0, 0, (byte)(body.Length >> 7), (byte)(body.Length & 0x7F), .. body, .. Mp3Frames];
    }

    private static byte[] Id3Frame(string id, string text) => [.. Latin1(id), .. U32((uint)text.Length + 1), 0, 0, 0, .. Latin1(text)];

    private static byte[] Fixed(string text, int length) => [.. Latin1(text).Take(length), .. new byte[Math.Max(0, length - text.Length)]];

    public static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
