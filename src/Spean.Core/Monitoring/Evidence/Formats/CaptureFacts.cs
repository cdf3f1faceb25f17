using System.Globalization;
using System.Text.RegularExpressions;

namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>When, where and with what a photo, recording or document was made, as the file's own metadata says.</summary>
public sealed partial record CaptureFacts(DateTime? CapturedAt, double? Latitude, double? Longitude, string? Device)
{
    public static readonly CaptureFacts None = new(null, null, null, null);

    /// <summary>Phones and computers write local time without a zone unless told otherwise; Spean assumes Cambodia's (UTC+7) then.</summary>
    internal static readonly TimeSpan AssumedOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// Reads the facts of a stored original, each format as its own class says. Metadata helps reviewers but is
    /// never a reason to refuse evidence: whatever cannot be read, or is not plausible, is left out.
    /// </summary>
    /// <param name="original">The original bytes, readable and seekable.</param>
    internal static CaptureFacts Read(string contentType, Stream original)
    {
        try
        {
            var facts = EvidenceFormats.Of(contentType)?.ReadFacts?.Invoke(original) ?? None;
            return facts.Plausible();
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return None;
        }
    }

    /// <summary>A position off the globe is a broken tag; 0,0 is what some apps write when they had no fix.</summary>
    private CaptureFacts Plausible() =>
        Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180 && (Latitude, Longitude) is not (0, 0)
            ? this
            : this with { Latitude = null, Longitude = null };

    /// <summary>"Apple iPhone 8", but "Galaxy A12" alone when there is no make and "Apple iPhone" when the model already names the make.</summary>
    internal static string? MakeAndModel(string? make, string? model)
    {
        make = string.IsNullOrWhiteSpace(make) ? null : make.Trim();
        model = string.IsNullOrWhiteSpace(model) ? null : model.Trim();
        return model is null ? make
            : make is null || model.StartsWith(make, StringComparison.OrdinalIgnoreCase) ? model
            : $"{make} {model}";
    }

    /// <summary>
    /// An ISO 8601 date and time to the minute or finer, as "2025-03-14T09:26:53+0700" (Apple), "2025-03-14T02:26:53Z"
    /// (Office) or "2025-03-14T09:26:53.471" (OpenDocument, ID3). A date alone, or a year, is no capture time: null.
    /// </summary>
    internal static DateTime? IsoTime(string? text) => Time(text is null ? Match.Empty : IsoPattern().Match(text.Trim()));

    /// <summary>A PDF date, "D:20250314092653+07'00'", to the minute or finer.</summary>
    internal static DateTime? PdfTime(string? text) => Time(text is null ? Match.Empty : PdfPattern().Match(text.Trim()));

    private static DateTime? Time(Match match)
    {
        if (!match.Success) return null;
        var text = $"{match.Groups["date"].Value.Replace("-", "", StringComparison.Ordinal)}{match.Groups["hour"].Value}{match.Groups["minute"].Value}"
            + (match.Groups["second"].Success ? match.Groups["second"].Value : "00");
        if (!DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        var zone = match.Groups["zone"].Value.Replace("'", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
        var offset = zone switch
        {
            "" => AssumedOffset,
            "Z" => TimeSpan.Zero,
            _ => new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), zone.Length >= 5 ? int.Parse(zone[3..5], CultureInfo.InvariantCulture) : 0, 0)
                * (zone[0] == '-' ? -1 : 1),
        };
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:[.,]\d+)?\s?(?<zone>Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:D:)?(?<date>\d{8})(?<hour>\d{2})(?<minute>\d{2})(?<second>\d{2})?(?<zone>Z|[+-]\d{2}'?(?:\d{2}'?)?)?")]
    private static partial Regex PdfPattern();
}
