using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Spean.Core.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a table as CSV or as an Excel workbook, one row at a time as the rows come, so a whole-database export
/// never sits in memory. An <see cref="int"/> cell is a number; anything else is text.
/// </summary>
public static class TableExport
{
    private const int MaxCellLength = 32_767;

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    /// <returns>The number of rows written, not counting the header.</returns>
    public static Task<int> WriteAsync(
        ExportFormat format, string sheetName, IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, Stream output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? WriteCsvAsync(columns, rows, output, cancellationToken)
            : WriteXlsxAsync(sheetName, columns, rows, output, cancellationToken);

    private static async Task<int> WriteCsvAsync(IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, Stream output, CancellationToken cancellationToken)
    {
        // A byte-order mark, so spreadsheets open the Khmer text as UTF-8.
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var column in columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var value in row) csv.WriteField(CsvText(value));
            await csv.NextRecordAsync();
            count++;
        }
        return count;
    }

    /// <summary>
    /// Text that a spreadsheet would read as a formula gets a leading apostrophe: a report's title is typed by
    /// anyone who files one, and a formula such as =WEBSERVICE(…) would send the rows of a confidential export away.
    /// Every CSV Spean writes puts its text cells through here.
    /// </summary>
    public static string CsvText(object? value) => value switch
    {
        null => "",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ when value.ToString() is { } s && IsFormula(s) => "'" + s,
        _ => value.ToString() ?? "",
    };

    private static bool IsFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// The package format needs a seekable stream, so the workbook is built in memory, compressed, and then copied
    /// out: a temporary file would hold the export in clear on the server's disk, beyond Spean's control.
    /// </summary>
    private static async Task<int> WriteXlsxAsync(
        string sheetName, IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, Stream output, CancellationToken cancellationToken)
    {
        using var workbook = new MemoryStream();
        var count = await WriteWorkbookAsync(sheetName, columns, rows, workbook, cancellationToken);
        workbook.Position = 0;
        await workbook.CopyToAsync(output, cancellationToken);
        return count;
    }

    private static async Task<int> WriteWorkbookAsync(
        string sheetName, IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, Stream file, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var count = 0;
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, columns);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(writer, row);
                count++;
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        return count;
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteElement(value is int number
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XlsxText(value?.ToString()))) });
        }
        writer.WriteEndElement();
    }

    /// <summary>Without the characters XML cannot hold (a pasted vertical tab would break the file) and within Excel's cell limit.</summary>
    private static string XlsxText(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = value.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) ? new string(value.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray()) : value;
        if (text.Length <= MaxCellLength) return text;
        var cut = char.IsHighSurrogate(text[MaxCellLength - 2]) ? MaxCellLength - 2 : MaxCellLength - 1;
        return text[..cut] + "…";
    }
}
