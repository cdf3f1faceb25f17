using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Spean.Core.Recommendations;

/// <summary>One recommendation as UPR Info's database exports it.</summary>
public sealed record UprInfoRow(
    int Line, string StateUnderReview, string Text, string RecommendingState, string Response,
    int? ActionCategory, IReadOnlyList<string> Issues, int Session, int Cycle,
    string StateUnderReviewGroup, string RecommendingGroup, IReadOnlyList<string> StateUnderReviewOrganisations,
    IReadOnlyList<string> RecommendingOrganisations);

public sealed record RejectedRow(int Line, string Reason);

public sealed record UprInfoFile(IReadOnlyList<UprInfoRow> Rows, IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// Reads UPR Info's CSV export. Bad rows are reported with their line and reason and the good rows still
/// come through. Files saved by old Macs (Mac Roman) or Excel (Windows-1252) are read as well as UTF-8.
/// </summary>
public static class UprInfoCsv
{
    private static readonly string[] RequiredColumns = ["To", "Text", "From", "Response", "Action", "Issue", "Session"];

    public static UprInfoFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static UprInfoFile Read(Stream stream)
    {
        using var reader = new StreamReader(stream, DetectEncoding(stream), detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
            return new UprInfoFile([], [new RejectedRow(1, "The file is empty: it needs a header row.")]);
        var missing = RequiredColumns.Where(c => !csv.HeaderRecord!.Contains(c)).ToList();
        if (missing.Count > 0)
            return new UprInfoFile([], [new RejectedRow(1, $"The header lacks the column(s) {string.Join(", ", missing)}.")]);

        var rows = new List<UprInfoRow>();
        var rejected = new List<RejectedRow>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var (row, reason) = Parse(csv, line);
            if (row is not null) rows.Add(row);
            else rejected.Add(new RejectedRow(line, reason!));
        }
        return new UprInfoFile(rows, rejected);
    }

    private static (UprInfoRow? Row, string? Reason) Parse(CsvReader csv, int line)
    {
        string Field(string name) => csv.TryGetField<string>(name, out var value) ? value?.Trim() ?? "" : "";

        var text = Field("Text");
        if (text.Length == 0) return (null, "The recommendation text is empty.");
        var sur = Field("To");
        if (sur.Length == 0) return (null, "The State under Review (To) is empty.");
        if (!int.TryParse(Field("Session"), NumberStyles.None, CultureInfo.InvariantCulture, out var session) || session < 1)
            return (null, $"Session '{Field("Session")}' is not a session number.");
        var action = Field("Action");
        int? category = null;
        if (action.Length > 0)
        {
            if (!int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > 5)
                return (null, $"Action category '{action}' is not a number from 1 to 5.");
            category = c;
        }
        var response = Field("Response");
        if (response.Length > 0 && NormaliseResponse(response) is null)
            return (null, $"Response '{response}' is not Supported, Accepted or Noted.");
        var cycle = int.TryParse(Field("Cycle"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : CycleOf(session);
        return (new UprInfoRow(line, sur, text, Field("From"), NormaliseResponse(response) ?? "", category,
            List(Field("Issue")), session, cycle, Field("To-Rgrp"), Field("From-Rgrp"), List(Field("To-Org")), List(Field("From-Org"))), null);
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

    private static List<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(v => !v.StartsWith("&#", StringComparison.Ordinal)).ToList();

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
