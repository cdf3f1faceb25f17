using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>Reads an export back as rows of column → text, whichever format it came in.</summary>
internal static class ExportFiles
{
    public static List<Dictionary<string, string>> Read(string url, byte[] content) =>
        url.Contains(".xlsx", StringComparison.Ordinal) ? ReadXlsx(content) : ReadCsv(content);

    public static List<Dictionary<string, string>> ReadCsv(byte[] content)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(content)), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!));
        return rows;
    }

    public static List<string> ReadCsvHeader(byte[] content)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(content)), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        return [.. reader.HeaderRecord!];
    }

    public static List<Dictionary<string, string>> ReadXlsx(byte[] content)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        return rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>All the text in the file (a workbook's is compressed), so a search for a name or a marker misses nothing.</summary>
    public static string AllText(string url, byte[] content)
    {
        if (!url.Contains(".xlsx", StringComparison.Ordinal)) return System.Text.Encoding.UTF8.GetString(content);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(content), false);
        return string.Join("\n", workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText));
    }
}
