using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Spean.Core.Text;

namespace Spean.Core.Implementation.Midterm;

/// <summary>
/// Writes a mid-term report as a Word document in the matrix's layout. Khmer text goes in runs of its own with a Khmer font
/// for every script slot and the complex-script flag and language set: without them Word and LibreOffice pick a Latin
/// font and draw Khmer as unjoined letters or boxes.
/// </summary>
public static class MidtermDocument
{
    public const string KhmerFont = "Khmer OS";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string LatinFont = "Calibri";

    // Twentieths of a point: an A4 page on its side, and the four columns' widths over its 25.7 cm of text.
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 850;
    private static readonly int[] ColumnWidths = [6300, 1500, 3100, 4238];

    public static string FileName(string stateIso3, int cycle, MidtermLabels labels) =>
        $"spean-midterm-{stateIso3.ToLowerInvariant()}-cycle{cycle}-{labels.Language}.docx";

    public static async Task WriteAsync(MidtermReport report, Stream output, CancellationToken cancellationToken)
    {
        // The package format needs a seekable stream; a report is a few hundred rows, so memory rather than a file in clear on disk.
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(Body(report));
        }
        memory.Position = 0;
        await memory.CopyToAsync(output, cancellationToken);
    }

    private static Body Body(MidtermReport report)
    {
        var labels = report.Labels;
        var body = new Body(Paragraph(report.Title, bold: true, size: 32));
        if (report.PublishedOnly) body.Append(Paragraph(labels.PublicNote));
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(
            new TableRowProperties(new TableHeader()),
            Cell(0, [Paragraph(labels.RecommendationHeader, bold: true)], shade: true),
            Cell(1, [Paragraph(labels.PositionHeader, bold: true)], shade: true),
            Cell(2, [Paragraph(labels.ThemesHeader, bold: true)], shade: true),
            Cell(3, [Paragraph(labels.AssessmentHeader, bold: true)], shade: true)));
        foreach (var theme in report.Themes)
        {
            table.Append(new TableRow(new TableCell(
                new TableCellProperties(new GridSpan { Val = ColumnWidths.Length }, new Shading { Val = ShadingPatternValues.Clear, Fill = "EEEEEE" }),
                Paragraph(theme.Name, bold: true))));
            foreach (var row in theme.Rows)
            {
                var recommendation = string.IsNullOrEmpty(row.Paragraph) ? row.Recommendation : $"{row.Paragraph} {row.Recommendation}";
                table.Append(new TableRow(
                    Cell(0, [Paragraph(recommendation), Paragraph($"{labels.RecommendedBy}: {row.RecommendedBy}", italic: true)]),
                    Cell(1, [Paragraph(row.Position)]),
                    Cell(2, [Paragraph(row.Themes)]),
                    Cell(3, [Paragraph(row.Assessment)])));
            }
        }
        body.Append(table);
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 425, Footer = 425, Gutter = 0 }));
        return body;
    }

    private static TableCell Cell(int column, Paragraph[] paragraphs, bool shade = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = ColumnWidths[column].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "DDDDDD" });
        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, int size = 20)
    {
        var paragraph = new Paragraph();
        foreach (var (segment, khmer) in Segments(text))
            paragraph.Append(new Run(Properties(khmer, bold, italic, size), new DocumentFormat.OpenXml.Wordprocessing.Text(segment) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static RunProperties Properties(bool khmer, bool bold, bool italic, int size)
    {
        var font = khmer ? KhmerFont : LatinFont;
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = khmer ? KhmerFont : LatinFont });
        if (bold) properties.Append(new Bold(), new BoldComplexScript());
        if (italic && !khmer) properties.Append(new Italic(), new ItalicComplexScript());
        var halfPoints = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        if (khmer) properties.Append(new ComplexScript(), new Languages { Bidi = "km-KH" });
        return properties;
    }

    /// <summary>
    /// Splits text into Khmer and non-Khmer runs. Spaces, digits and punctuation stay with the run before them, so a Khmer
    /// sentence is one run, not one per word.
    /// </summary>
    public static IEnumerable<(string Text, bool Khmer)> Segments(string text)
    {
        var start = 0;
        bool? current = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsKhmer(c) && !char.IsLetter(c)) continue;
            var khmer = IsKhmer(c);
            if (current is null) current = khmer;
            else if (khmer != current)
            {
                yield return (text[start..i], current.Value);
                start = i;
                current = khmer;
            }
        }
        if (start < text.Length || text.Length == 0) yield return (text[start..], current ?? false);
    }

    public static bool IsKhmer(char c) => KhmerScript.IsKhmer(c);
}
