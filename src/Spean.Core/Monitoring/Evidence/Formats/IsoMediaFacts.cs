using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Spean.Core.Monitoring.Evidence.Formats.IsoMediaBoxes;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// Reads the facts of MP4, MOV and M4A files and HEIC photos. A movie's facts are in its <c>moov</c> box, which
/// phones often write after the media data: Apple's keys (creation date with its local offset, ISO 6709 location,
/// make, model) and Android's (manufacturer, model) in <c>moov/meta</c>, QuickTime user data (<c>©xyz</c>,
/// <c>©mak</c>, <c>©mod</c>, <c>©day</c>) and iTunes-style items in <c>moov/udta</c>, and the movie header's
/// creation time (UTC), taken only when nothing else gives a time. A HEIC photo's facts are in its Exif item.
/// </summary>
internal static partial class IsoMediaFacts
{
    private static readonly DateTime Epoch = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly long LatestSeconds = (long)(DateTime.MaxValue - Epoch).TotalSeconds;

    /// <summary>Tag values longer than this are not times, places or device names (cover pictures, lyrics).</summary>
    private const int MaxText = 1024;

    private const int MaxExif = 1024 * 1024;

    public static CaptureFacts ReadMovie(Stream original)
    {
        var moov = Children(original, 0, original.Length).FirstOrDefault(b => b.Type == "moov");
        if (moov.Type is null) return CaptureFacts.None;
        var values = new Dictionary<string, string>();
        DateTime? created = null;
        foreach (var box in Children(original, moov.Payload, moov.End))
        {
            if (box.Type == "mvhd") created = Created(original, box);
            else if (box.Type == "meta") ReadMeta(original, box, values);
            else if (box.Type == "udta") ReadUserData(original, box, values);
        }
        string? Value(params string[] names) => names.Select(values.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var (latitude, longitude) = Iso6709(Value("com.apple.quicktime.location.ISO6709", "©xyz"));
        // Make and model from one source, so that two writers' tags are not mixed into a device that does not exist.
        var device = CaptureFacts.MakeAndModel(Value("com.apple.quicktime.make"), Value("com.apple.quicktime.model"))
            ?? CaptureFacts.MakeAndModel(Value("com.android.manufacturer"), Value("com.android.model"))
            ?? CaptureFacts.MakeAndModel(Value("©mak"), Value("©mod"));
        return new CaptureFacts(CaptureFacts.IsoTime(Value("com.apple.quicktime.creationdate", "©day")) ?? created, latitude, longitude, device);
    }

    public static CaptureFacts ReadHeic(Stream original)
    {
        var meta = Children(original, 0, original.Length).FirstOrDefault(b => b.Type == "meta");
        if (meta.Type is null) return CaptureFacts.None;
        var boxes = Children(original, meta.Payload + 4, meta.End);
        var iinf = boxes.FirstOrDefault(b => b.Type == "iinf");
        var exif = iinf.Type is null ? default : Items(original, iinf).FirstOrDefault(i => i.Type == "Exif");
        if (exif.Type is null) return CaptureFacts.None;
        var extents = Extents(original, boxes, [exif.Id]);
        if (extents.Sum(e => e.Length) > MaxExif) return CaptureFacts.None;
        byte[] item = [.. extents.SelectMany(e => ByteEdits.Read(original, e.Offset, (int)e.Length))];
        // The item starts with where its TIFF header lies after this field: 6, past "Exif\0\0", as phones write it.
        var tiff = new FieldReader(item).Number(4);
        return tiff > item.Length - 4 ? CaptureFacts.None : JpegMetadata.ReadExif(item.AsSpan(4 + (int)tiff));
    }

    /// <summary>The movie header's creation time, seconds since 1904 in UTC; zero means the writer did not know.</summary>
    private static DateTime? Created(Stream original, Box mvhd)
    {
        var (offset, size) = Times(original, mvhd);
        var seconds = new FieldReader(ByteEdits.Read(original, offset, size)).Number(size);
        return seconds > 0 && seconds < LatestSeconds ? Epoch.AddSeconds(seconds) : null;
    }

    /// <summary>
    /// Tags of a <c>meta</c> box, by name: Apple and Android name them in a <c>keys</c> box and <c>ilst</c> items
    /// refer to a key by its 1-based index; iTunes-style items are named by their own type (<c>©day</c>).
    /// </summary>
    private static void ReadMeta(Stream original, Box meta, Dictionary<string, string> values)
    {
        // QuickTime's meta box starts with its handler; the ISO one has a version and flags first.
        var quickTime = meta.End - meta.Payload >= 8 && Ascii(ByteEdits.Read(original, meta.Payload + 4, 4)) == "hdlr";
        var boxes = Children(original, meta.Payload + (quickTime ? 0 : 4), meta.End);
        var keys = boxes.FirstOrDefault(b => b.Type == "keys") is { Type: not null } keysBox ? Keys(original, keysBox) : null;
        var ilst = boxes.FirstOrDefault(b => b.Type == "ilst");
        if (ilst.Type is null) return;
        foreach (var item in Children(original, ilst.Payload, ilst.End))
        {
            var name = keys is null ? item.Type : keys.ElementAtOrDefault((int)BinaryPrimitives.ReadUInt32BigEndian(Encoding.Latin1.GetBytes(item.Type)) - 1);
            var value = Children(original, item.Payload, item.End).Where(b => b.Type == "data").Select(b => Utf8Data(original, b)).FirstOrDefault(v => v is not null);
            if (name is not null && value is not null) values.TryAdd(name, value);
        }
    }

    private static List<string> Keys(Stream original, Box keys)
    {
        var reader = new FieldReader(Payload(original, keys));
        reader.Skip(4);
        var count = reader.Number(4);
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var size = (int)reader.Number(4);
            reader.Skip(4); // the namespace, "mdta"
            names.Add(Encoding.UTF8.GetString(reader.Bytes(size - 8)));
        }
        return names;
    }

    /// <summary>The value of a <c>data</c> box when it is UTF-8 text (type 1): its type and locale come first.</summary>
    private static string? Utf8Data(Stream original, Box data)
    {
        var length = data.End - data.Payload - 8;
        if (length is < 0 or > MaxText || BinaryPrimitives.ReadUInt32BigEndian(ByteEdits.Read(original, data.Payload, 4)) != 1) return null;
        return Encoding.UTF8.GetString(ByteEdits.Read(original, data.Payload + 8, (int)length));
    }

    /// <summary>QuickTime text (a 16-bit length, a 16-bit language, the text; the first language is taken) and iTunes-style items.</summary>
    private static void ReadUserData(Stream original, Box udta, Dictionary<string, string> values)
    {
        foreach (var box in Children(original, udta.Payload, udta.End))
        {
            if (box.Type == "meta") ReadMeta(original, box, values);
            else if (box.Type[0] == '©' && box.End - box.Payload is >= 4 and <= MaxText)
            {
                var payload = Payload(original, box);
                var length = BinaryPrimitives.ReadUInt16BigEndian(payload);
                if (4 + length <= payload.Length) values.TryAdd(box.Type, Encoding.UTF8.GetString(payload, 4, length));
            }
        }
    }

    /// <summary>"+13.8047+104.9802/" or with an altitude, "+13.8047+104.9802+012.345/": decimal degrees of latitude, then longitude.</summary>
    private static (double?, double?) Iso6709(string? text)
    {
        var match = text is null ? Match.Empty : Iso6709Pattern().Match(text.Trim());
        if (!match.Success) return (null, null);
        return (double.Parse(match.Groups["latitude"].Value, NumberStyles.Float, CultureInfo.InvariantCulture),
            double.Parse(match.Groups["longitude"].Value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Degrees with one to two (latitude) and one to three (longitude) digits; the degrees-and-minutes forms, which no phone writes, do not match.</summary>
    [GeneratedRegex(@"^(?<latitude>[+-]\d{1,2}(?:\.\d+)?)(?<longitude>[+-]\d{1,3}(?:\.\d+)?)(?:[-+/]|$)")]
    private static partial Regex Iso6709Pattern();
}
