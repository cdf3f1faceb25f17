using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Spean.Core.Implementation.Matrix;

/// <summary>
/// Reads an OHCHR matrix (.docx). Its layout changes from year to year, so columns are found by what their header
/// says, in any of several wordings and any order, and every cell is read by what it holds ("Source of Position:",
/// a position word, "- 16 - PEACE ...", "Affected persons:"), not by where it stands. Merged cells are read as
/// the cell they continue; theme heading rows and repeated header rows are skipped. A row that cannot be read is
/// refused with its paragraph number and reason while the others come through.
/// </summary>
public static class MatrixReader
{
    public static Outcome<MatrixDocument> Read(Stream stream, Func<string, bool> isState)
    {
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(stream, false);
        }
        catch (Exception e) when (Damaged(e))
        {
            return new Refusal(MatrixProblem.NotAWordFile, "The file is not a Word document (.docx): save the matrix as .docx and upload it again.");
        }
        using (word)
        {
            // The package opens lazily: a damaged part (its XML, its compression) shows only when the body is read.
            try
            {
                return ReadBody(word, isState);
            }
            catch (Exception e) when (Damaged(e))
            {
                return new Refusal(MatrixProblem.NotAWordFile,
                    "The Word document is damaged and cannot be read: open it in Word, save it again as .docx and upload that file.");
            }
        }
    }

    /// <summary>
    /// How the zip, the package and the XML readers say a file is damaged: a list of its parts that is not XML, a
    /// relationship part of the wrong type, a relationship to a part that is not there, document properties the
    /// packaging layer cannot place (its InvalidOperationException and ArgumentException; one of our own stays a bug).
    /// </summary>
    private static bool Damaged(Exception e) =>
        e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
        || e is InvalidOperationException or ArgumentException && e.Source is "System.IO.Packaging" or "DocumentFormat.OpenXml" or "DocumentFormat.OpenXml.Framework";

    private static Outcome<MatrixDocument> ReadBody(WordprocessingDocument word, Func<string, bool> isState)
    {
        var body = word.MainDocumentPart?.Document?.Body;
        if (body is null)
            return new Refusal(MatrixProblem.NotAWordFile, "The Word document has no body: upload the matrix as OHCHR published it.");
        var titleText = TitleText(word, body);
        var rows = new List<MatrixRow>();
        var refused = new List<MatrixRefusal>();
        var seen = new Dictionary<string, MatrixRow>(StringComparer.Ordinal);
        var anyTable = false;
        foreach (var table in body.Descendants<Table>().Where(t => !t.Ancestors<Table>().Any()))
            anyTable |= ReadTable(table, isState, rows, refused, seen);
        if (!anyTable)
            return new Refusal(MatrixProblem.NoRecommendationTable,
                "No table of recommendations was found: the matrix needs a table whose rows start with a paragraph number such as 116.1.");
        return new MatrixDocument(MatrixTitle.Read(titleText), rows, refused);
    }

    /// <returns>Whether the table held recommendations at all.</returns>
    private static bool ReadTable(Table table, Func<string, bool> isState, List<MatrixRow> rows, List<MatrixRefusal> refused, Dictionary<string, MatrixRow> seen)
    {
        MatrixColumns? columns = null;
        var above = new Dictionary<int, List<string>>();
        var heading = (string?)null;
        var found = false;
        var rowNumber = 0;
        foreach (var tableRow in table.Elements<TableRow>())
        {
            rowNumber++;
            var cells = Cells(tableRow, above);
            if (MatrixColumns.FromHeader(cells) is { } header)
            {
                columns = header;
                continue;
            }
            var filled = cells.Where(c => c.Lines.Count > 0).ToList();
            if (filled.Count == 0) continue;
            var first = filled[0].Lines[0];
            if (MatrixText.ThemeHeading(first) is { } theme && filled.Sum(c => c.Lines.Count) == 1)
            {
                heading = theme;
                continue;
            }
            var recommendationCell = columns?.Recommendation is { } column ? cells.FirstOrDefault(c => c.Column == column) : null;
            recommendationCell ??= filled.FirstOrDefault(c => MatrixText.ParagraphNumber(c.Lines[0]) is not null);
            if (recommendationCell is null || recommendationCell.Lines.Count == 0)
            {
                if (filled.Count == 1 && filled[0].Lines.Count == 1) heading = first.Trim(); // a heading without "Theme:"
                else if (filled.Any(c => MatrixText.Position(string.Join(' ', c.Lines)) is not null))
                    refused.Add(new MatrixRefusal($"row {rowNumber}", MatrixRowProblem.NoParagraphNumber, "The row has no recommendation text with a paragraph number."));
                continue;
            }
            found = true;
            var (row, problem) = ReadRow(recommendationCell, cells, columns, heading, isState);
            if (row is null)
            {
                refused.Add(problem!);
                continue;
            }
            if (seen.TryGetValue(row.Paragraph, out var earlier))
            {
                if (!MatrixText.SameText(earlier.Text, row.Text))
                    refused.Add(new MatrixRefusal(row.Paragraph, MatrixRowProblem.DuplicateParagraph, $"Paragraph {row.Paragraph} appears twice with different texts; the first was kept."));
                continue;
            }
            seen.Add(row.Paragraph, row);
            rows.Add(row);
        }
        return found;
    }

    private static (MatrixRow? Row, MatrixRefusal? Problem) ReadRow(
        Cell recommendationCell, List<Cell> cells, MatrixColumns? columns, string? heading, Func<string, bool> isState)
    {
        string? source = null;
        var lines = new List<string>();
        foreach (var cell in cells)
        {
            for (var i = 0; i < cell.Lines.Count; i++)
            {
                if (MatrixText.PositionSource(cell.Lines[i]) is not { } found) continue;
                source = found.Length > 0 ? found : i + 1 < cell.Lines.Count ? cell.Lines[i + 1].Trim() : null;
            }
        }
        foreach (var line in recommendationCell.Lines)
        {
            if (MatrixText.PositionSource(line) is not null) break;
            lines.Add(line.Trim());
        }
        var text = string.Join(' ', lines.Where(l => l.Length > 0));
        if (MatrixText.ParagraphNumber(text) is not { } numbered)
            return (null, new MatrixRefusal(text.Length > 30 ? text[..30] + "…" : text,
                MatrixRowProblem.NoParagraphNumber, "The recommendation does not start with a paragraph number such as 116.1."));
        var paragraph = numbered.Number;
        if (numbered.Remainder.Length == 0)
            return (null, new MatrixRefusal(paragraph, MatrixRowProblem.NoText, "The paragraph has no recommendation text."));
        var (recommendation, states) = MatrixText.SplitStates(numbered.Remainder, isState);
        if (states.Count == 0)
            return (null, new MatrixRefusal(paragraph, MatrixRowProblem.NoRecommendingState,
                "No recommending State was found: the text should end with the State(s) in parentheses, e.g. (France)."));
        if (recommendation.Length == 0)
            return (null, new MatrixRefusal(paragraph, MatrixRowProblem.NoText, "The paragraph has the recommending State but no recommendation text."));

        var positionCell = columns?.Position is { } positionColumn ? cells.FirstOrDefault(c => c.Column == positionColumn) : null;
        var positionText = positionCell is null ? null
            : string.Join(' ', positionCell.Lines.Where(l => MatrixText.PositionSource(l) is null && !l.Trim().StartsWith("A/HRC", StringComparison.Ordinal))).Trim();
        positionText ??= cells.Where(c => c != recommendationCell).Select(c => string.Join(' ', c.Lines).Trim())
            .FirstOrDefault(t => MatrixText.Position(t) is not null) ?? "";
        if (positionText.Length > 0 && MatrixText.Position(positionText) is null)
            return (null, new MatrixRefusal(paragraph, MatrixRowProblem.PositionUnreadable, $"The position '{Short(positionText)}' is not one Spean reads (Supported, Noted, Pending)."));
        var response = positionText.Length == 0 ? Recommendations.RecommendationResponse.Pending : MatrixText.Position(positionText)!.Value;

        var lists = new MatrixLists();
        foreach (var cell in cells)
        {
            if (cell == recommendationCell || cell == positionCell) continue;
            var role = columns?.RoleOf(cell.Column) ?? MatrixRole.Themes;
            if (role is MatrixRole.Ignored or MatrixRole.Recommendation or MatrixRole.Position or MatrixRole.Source) continue;
            if (columns is null && MatrixText.Position(string.Join(' ', cell.Lines)) is not null) continue;
            lists.Read(cell.Lines, role);
        }
        if (lists.Themes.Count == 0 && heading is not null) lists.Themes.Add(heading);
        return (new MatrixRow(paragraph, recommendation, states, response, source, lists.Themes, lists.Affected, [.. lists.Sdgs.Order()]), null);
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>The cells of a row at their grid columns; a vertically merged cell repeats the lines of the one it continues.</summary>
    private static List<Cell> Cells(TableRow row, Dictionary<int, List<string>> above)
    {
        var cells = new List<Cell>();
        var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
        foreach (var cell in row.Elements<TableCell>())
        {
            var properties = cell.TableCellProperties;
            var span = properties?.GridSpan?.Val?.Value ?? 1;
            var merge = properties?.VerticalMerge;
            var lines = merge is not null && (merge.Val is null || merge.Val.Value != MergedCellValues.Restart)
                ? above.GetValueOrDefault(column) ?? []
                : Lines(cell);
            above[column] = lines;
            cells.Add(new Cell(column, span, lines));
            column += span;
        }
        return cells;
    }

    private static List<string> Lines(TableCell cell)
    {
        var lines = new List<string>();
        foreach (var paragraph in cell.Elements<Paragraph>())
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case WordText t: text.Append(t.Text); break;
                    case TabChar: text.Append(' '); break;
                    case Break or CarriageReturn: text.Append('\n'); break;
                }
            }
            // Some exports escape twice, leaving "&amp;" in the text itself.
            foreach (var line in WebUtility.HtmlDecode(text.ToString()).Split('\n'))
                if (line.Trim().Length > 0) lines.Add(line.Replace('\u00A0', ' ').Trim());
        }
        return lines;
    }

    private static string TitleText(WordprocessingDocument word, Body body)
    {
        var parts = new List<string?>();
        parts.AddRange(word.MainDocumentPart!.HeaderParts.Select(h => h.Header?.InnerText));
        parts.Add(word.PackageProperties.Title);
        parts.AddRange(body.Elements<Paragraph>().Take(20).Select(p => p.InnerText));
        return WebUtility.HtmlDecode(string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
    }

    internal sealed record Cell(int Column, int Span, List<string> Lines);
}
