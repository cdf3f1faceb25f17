using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Spean.Core.Recommendations;

/// <summary>One recommendation as a CSV file gives it: UPR Info's export, or a file read through a <see cref="CsvColumnMap"/>.</summary>
/// <param name="RecommendingState">The cell as written: one State, or several for a joint recommendation (see <see cref="StateNames.Split"/>).</param>
public sealed record UprInfoRow(
    int Line, string StateUnderReview, string Text, string RecommendingState, string Response,
    int? ActionCategory, IReadOnlyList<string> Issues, int Session, int Cycle,
    string StateUnderReviewGroup, string RecommendingGroup, IReadOnlyList<string> StateUnderReviewOrganisations,
    IReadOnlyList<string> RecommendingOrganisations)
{
    public DateTime? ReviewDate { get; init; }
    public IReadOnlyList<string> SdgTargets { get; init; } = [];
    public string? SourceDocument { get; init; }
    public string? Paragraph { get; init; }
    public string? TextKm { get; init; }
}

public sealed record RejectedRow(int Line, string Reason);

public sealed record UprInfoFile(IReadOnlyList<UprInfoRow> Rows, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>The <see cref="CsvColumnMap"/> fields the file has: an import leaves the others as they are.</summary>
    public IReadOnlySet<string> Fields { get; init; } = CsvColumnMap.UprInfo.Fields;
}

/// <summary>
/// Reads UPR Info's CSV export, or any CSV through a column map. Bad rows are reported with their line and
/// reason and the good rows still come through. Files saved by old Macs (Mac Roman) or Excel (Windows-1252)
/// are read as well as UTF-8.
/// </summary>
public static class UprInfoCsv
{
    public static UprInfoFile Read(string path, CsvColumnMap? map = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, map);
    }

    public static UprInfoFile Read(Stream stream, CsvColumnMap? map = null)
    {
        map ??= CsvColumnMap.UprInfo;
        using var reader = new StreamReader(stream, DetectEncoding(stream), detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            CacheFields = true, // one string for each short value that repeats ("Cambodia", "Supported"): a third less memory for big files
        };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
            return new UprInfoFile([], [new RejectedRow(1, "The file is empty: it needs a header row.")]);
        var header = csv.HeaderRecord!;
        var missing = map.RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            return new UprInfoFile([], [new RejectedRow(1,
                $"The header lacks the column(s) {string.Join(", ", missing)}. Columns found: {string.Join(", ", header)}.")]);

        var columns = map.Columns
            .Where(c => header.Contains(c.Value))
            .ToDictionary(c => c.Key, c => Array.IndexOf(header, c.Value));
        var rows = new List<UprInfoRow>();
        var rejected = new List<RejectedRow>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var (row, reason) = Parse(csv, map, columns, line);
            if (row is not null) rows.Add(row);
            else rejected.Add(new RejectedRow(line, reason!));
        }
        return new UprInfoFile(rows, rejected) { Fields = columns.Keys.ToHashSet() };
    }

    private static (UprInfoRow? Row, string? Reason) Parse(CsvReader csv, CsvColumnMap map, Dictionary<string, int> columns, int line)
    {
        string Field(string field) => columns.TryGetValue(field, out var index) ? csv.GetField(index)?.Trim() ?? "" : "";

        var text = Field("text");
        if (text.Length == 0) return (null, $"The recommendation text ({map.Columns["text"]}) is empty.");
        var sur = Field("sur");
        if (sur.Length == 0) return (null, $"The State under Review ({map.Columns["sur"]}) is empty.");
        if (!int.TryParse(Field("session"), NumberStyles.None, CultureInfo.InvariantCulture, out var session) || session < 1)
            return (null, $"Session '{Field("session")}' is not a session number.");
        var action = Field("action");
        int? category = null;
        if (action.Length > 0)
        {
            if (!int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > 5)
                return (null, $"Action category '{action}' is not a number from 1 to 5.");
            category = c;
        }
        var response = Field("response");
        if (response.Length > 0 && NormaliseResponse(response) is null)
            return (null, $"Response '{response}' is not Supported, Accepted or Noted.");
        var date = Field("date");
        DateTime? reviewDate = null;
        if (date.Length > 0)
        {
            if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
                return (null, $"Date '{date}' is not a date written YYYY-MM-DD.");
            reviewDate = d;
        }
        var source = Field("source");
        if (source.Length > RecommendationConfiguration.SourceDocumentLength)
            return (null, $"The source document is longer than {RecommendationConfiguration.SourceDocumentLength} characters.");
        var paragraph = Field("paragraph");
        if (paragraph.Length > RecommendationConfiguration.ParagraphLength)
            return (null, $"Paragraph '{paragraph}' is longer than {RecommendationConfiguration.ParagraphLength} characters.");
        var issues = Items(Field("issues"));
        if (issues.FirstOrDefault(i => i.Length > RecommendationConfiguration.IssueLength) is { } longIssue)
            return (null, $"Issue '{longIssue}' is longer than {RecommendationConfiguration.IssueLength} characters.");
        var cycle = int.TryParse(Field("cycle"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : CycleOf(session);
        return (new UprInfoRow(line, sur, text, Field("from"), NormaliseResponse(response) ?? "", category,
            issues, session, cycle, Field("surGroup"), Field("fromGroup"), List(Field("surOrg")), List(Field("fromOrg")))
        {
            ReviewDate = reviewDate,
            SdgTargets = Items(Field("sdgs")),
            SourceDocument = NullIfEmpty(source),
            Paragraph = NullIfEmpty(paragraph),
            TextKm = NullIfEmpty(Field("textKm")),
        }, null);
    }

    /// <summary>UPR Info's older exports say "Accepted" for what it now calls "Supported".</summary>
    public static string? NormaliseResponse(string response) => response.Trim().ToLowerInvariant() switch
    {
        "accepted" or "supported" => "Supported",
        "noted" => "Noted",
        _ => null,
    };

    /// <summary>The UPR's cycles: sessions 1-12, 13-26, 27-40, then 41 onward.</summary>
    public static int CycleOf(int session) => session switch
    {
        <= 12 => 1,
        <= 26 => 2,
        <= 40 => 3,
        _ => 4,
    };

    private static string[] List(string value) =>
        value.Length == 0 ? [] : Array.FindAll(value.Split(',', SplitOptions), v => !v.StartsWith("&#", StringComparison.Ordinal));

    /// <summary>Issues and SDG targets: UPR Info separates them with commas, other sources often with semicolons.</summary>
    private static string[] Items(string value) => value.Length == 0 ? [] : value.Split([',', ';'], SplitOptions);

    private const StringSplitOptions SplitOptions = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>UTF-8 when the bytes are valid UTF-8, otherwise Mac Roman if it has Mac line ends, else Windows-1252.</summary>
    private static Encoding DetectEncoding(Stream stream)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var buffer = new byte[Math.Min(stream.Length - stream.Position, 1 << 20)];
        var read = stream.Read(buffer, 0, buffer.Length);
        stream.Seek(-read, SeekOrigin.Current);
        // A full buffer may end inside a UTF-8 sequence; judge the text before it.
        var checkedBytes = read == buffer.Length ? Math.Max(0, read - 3) : read;
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(buffer, 0, checkedBytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            var macLineEnds = buffer.AsSpan(0, read).Contains((byte)'\r') && !buffer.AsSpan(0, read).Contains((byte)'\n');
            return Encoding.GetEncoding(macLineEnds ? 10000 : 1252);
        }
    }
}
