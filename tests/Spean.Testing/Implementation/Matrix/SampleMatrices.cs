using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Spean.Testing.Implementation.Matrix;

/// <summary>OHCHR's two real Slovenia matrices (see SOURCE.md beside them) and a matrix built here in a third layout.</summary>
public static class SampleMatrices
{
    public const string Cycle3FileName = "UPR34_Slovenia_Thematic_list_of_Recommendations.docx";
    public const string Cycle4FileName = "UPR48_Slovenia_Thematic_list_of_Recommendations.docx";

    public static string Cycle3 => Path.Combine(AppContext.BaseDirectory, "Implementation", "Matrix", Cycle3FileName);

    public static string Cycle4 => Path.Combine(AppContext.BaseDirectory, "Implementation", "Matrix", Cycle4FileName);

    /// <summary>
    /// Unlike either real file: columns in another order and other words, "Accepted" for supported, a source of position
    /// on a line of its own, a theme cell merged over two rows, bare SDG numbers, a UN short name with parentheses, a row
    /// with no position (pending), a heading row without "Theme:", and a bad row (paragraph 7.4 names no State). No session
    /// in the title: it must come from the options.
    /// </summary>
    public static byte[] ThirdLayout(string state = "Cambodia", string marker = "")
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var table = new Table(new TableProperties(new TableBorders()), new TableGrid(
                new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn()));
            table.Append(Row(Cell("Relevant Sustainable Development Goals"), Cell("Response of the State"), Cell("Recommendations received"),
                Cell("Issues and themes"), Cell("Persons affected")));
            table.Append(new TableRow(Cell(["Civil and political rights"], span: 5)));
            table.Append(Row(Cell(["- Goal 16", "- 5 - GENDER EQUALITY"]), Cell("Accepted"),
                Cell([$"7.1 Strengthen the independence of the national human rights institution {marker}(Bolivia (Plurinational State of), Türkiye).",
                    "Source of position :", "A/HRC/99/9/Add.1 – para. 7"]),
                Cell(["- National Human Rights Institution", "- Women's rights"], merge: MergedCellValues.Restart), Cell(["- Women & girls"])));
            table.Append(Row(Cell(["16"]), Cell(""),
                Cell([$"7.2 Review the law on associations {marker}(Republic of Korea);"]),
                Cell([], merge: MergedCellValues.Continue), Cell(["- Human rights defenders"])));
            table.Append(Row(Cell(["16"]), Cell("Not accepted"),
                Cell([$"7.3 Release all detained journalists {marker}(Sweden) (Norway)", "Source of Position: A/HRC/99/9/Add.1 - Para.8"]),
                Cell(["- Freedom of opinion and expression"]), Cell([])));
            table.Append(Row(Cell([]), Cell("Accepted"),
                Cell([$"7.4 Do more for human rights {marker}(see paragraph 3)"]),
                Cell(["- Human rights"]), Cell([])));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text($"Universal Periodic Review of {state} – Fifth cycle"))),
                new Paragraph(new Run(new Text("Thematic list of recommendations"))),
                table));
        }
        return stream.ToArray();
    }

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text) => Cell(text.Length == 0 ? [] : [text]);

    private static TableCell Cell(IReadOnlyList<string> lines, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } value) properties.Append(new VerticalMerge { Val = value == MergedCellValues.Continue ? null : value });
        var cell = new TableCell(properties);
        if (lines.Count == 0) cell.Append(new Paragraph());
        foreach (var line in lines) cell.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
        return cell;
    }
}
