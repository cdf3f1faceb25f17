using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Spean.Core.Recommendations;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes recommendations with every field, one row each, as they come: a whole-database export never sits in
/// memory. Several values in one cell (joint recommendations, issues) are separated by "; ".
/// </summary>
public static class RecommendationExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Id", "Text", "Text (Khmer)", "Notes", "State under Review", "Recommending States", "Recommending States (ISO3)",
        "Session", "Cycle", "Review date", "Response", "Action category", "Action category origin", "Issues", "SDG targets",
        "Source document", "Paragraph",
    ];

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ExportFormat format) => format == ExportFormat.Csv ? "spean-recommendations.csv" : "spean-recommendations.xlsx";

    public static Task<int> WriteAsync(ExportFormat format, IAsyncEnumerable<Recommendation> rows, Stream output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv ? WriteCsvAsync(rows, output, cancellationToken) : WriteXlsxAsync(rows, output, cancellationToken);

    /// <returns>The number of recommendations written.</returns>
    public static async Task<int> WriteCsvAsync(IAsyncEnumerable<Recommendation> rows, Stream output, CancellationToken cancellationToken)
    {
        // A byte-order mark, so spreadsheets open the Khmer text as UTF-8.
        await using var text = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var value in Values(row)) csv.WriteField(value);
            await csv.NextRecordAsync();
            count++;
        }
        return count;
    }

    /// <returns>The number of recommendations written.</returns>
    public static async Task<int> WriteXlsxAsync(IAsyncEnumerable<Recommendation> rows, Stream output, CancellationToken cancellationToken)
    {
        // The package format needs a seekable stream; a temporary file keeps memory flat for any size.
        var path = Path.GetTempFileName();
        try
        {
            int count;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
            {
                count = await WriteWorkbookAsync(rows, file, cancellationToken);
            }
            await using var written = new FileStream(path, FileMode.Open, FileAccess.Read);
            await written.CopyToAsync(output, cancellationToken);
            return count;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<int> WriteWorkbookAsync(IAsyncEnumerable<Recommendation> rows, Stream file, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var count = 0;
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Columns);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(writer, Values(row));
                count++;
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Recommendations" }));
        return count;
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<string?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var isNumber = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            writer.WriteElement(isNumber
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(value!) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value ?? "")) });
        }
        writer.WriteEndElement();
    }

    private static string?[] Values(Recommendation r) =>
    [
        r.Id.ToString(), r.Text, r.TextKm, r.Notes, r.StateUnderReviewIso3,
        string.Join("; ", r.RecommendingStates.Select(s => s.Name)),
        string.Join("; ", r.RecommendingStates.Select(s => s.CountryIso3 ?? "")),
        Number(r.Session), Number(r.Cycle), r.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Response.ToString(),
        r.ActionCategory is { } action ? Number(action) : null, r.ActionCategoryOrigin?.ToString(),
        string.Join("; ", r.Issues.Select(i => i.Issue)), string.Join("; ", r.SdgTargets.Select(t => t.SdgCode)),
        r.SourceDocument, r.Paragraph,
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
