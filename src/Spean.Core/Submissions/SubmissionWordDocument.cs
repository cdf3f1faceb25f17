using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Spean.Core.Implementation.Midterm;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using W = DocumentFormat.OpenXml.Wordprocessing;
using ParagraphKind = Spean.Core.Submissions.Drafting.ParagraphKind;

namespace Spean.Core.Submissions;

/// <summary>
/// Writes a submission in the layout OHCHR asks of stakeholders: the submitting organisations with a short description of
/// each, then a heading per cluster, numbered paragraphs, sources as footnotes, the recommendations, and page numbers.
/// Khmer runs carry a Khmer font in every script slot with the complex-script flag, as the mid-term report does.
/// </summary>
public static class SubmissionWordDocument
{
    public const string ContentType = MidtermDocument.ContentType;
    private const string LatinFont = "Times New Roman";

    public static string FileName(SubmissionDocument document) =>
        $"spean-submission-{new string([.. document.StateName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)])}-cycle{document.Cycle}-{document.Language}.docx";

    public static async Task WriteAsync(SubmissionDocument document, Stream output, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        using (var package = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new W.Text("1")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            main.Document = new Document(Body(document, footnotes.Footnotes, main.GetIdOfPart(footer)));
        }
        memory.Position = 0;
        await memory.CopyToAsync(output, cancellationToken);
    }

    private static Body Body(SubmissionDocument document, Footnotes footnotes, string footerId)
    {
        var labels = SubmissionLabels.For(document.Language);
        var body = new Body(
            Para([.. Runs(document.Title, bold: true, size: 32)], center: true),
            Para([.. Runs(string.Format(CultureInfo.InvariantCulture, labels.Subtitle, document.StateName, document.Cycle,
                document.Kind == SubmissionKind.Joint ? labels.Joint : labels.Individual), size: 24)], center: true),
            Para([.. Runs(labels.Organisations, bold: true, size: 26)]));
        foreach (var organisation in document.Organisations)
        {
            var runs = Runs(organisation.Name, bold: true).ToList();
            if (organisation.Description is { } description) runs.AddRange(Runs($" – {description}"));
            body.Append(Para(runs));
        }
        var footnoteId = 1;
        foreach (var section in document.Sections.Where(s => s.Paragraphs.Count > 0))
        {
            body.Append(Para([.. Runs($"{section.Number}. {section.Heading}", bold: true, size: 26)]));
            var assessment = section.Paragraphs.Where(p => p.Kind == ParagraphKind.Assessment).ToList();
            var recommendations = section.Paragraphs.Where(p => p.Kind == ParagraphKind.Recommendation).ToList();
            foreach (var paragraph in assessment) body.Append(Numbered(paragraph, footnotes, ref footnoteId));
            if (recommendations.Count > 0)
            {
                body.Append(Para([.. Runs(labels.Recommendations, bold: true, italic: true)]));
                foreach (var paragraph in recommendations) body.Append(Numbered(paragraph, footnotes, ref footnoteId));
            }
        }
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1417, Bottom = 1417, Left = 1417, Right = 1417, Header = 708, Footer = 708, Gutter = 0 }));
        return body;
    }

    private static Paragraph Numbered(DocumentParagraph paragraph, Footnotes footnotes, ref int footnoteId)
    {
        var runs = Runs($"{paragraph.Number}. ").Concat(Runs(paragraph.Text)).ToList();
        foreach (var note in paragraph.Footnotes)
        {
            var id = footnoteId++;
            footnotes.Append(new Footnote(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
                new Run(new W.Text(" ") { Space = SpaceProcessingModeValues.Preserve })).AppendChildren(Runs(note, size: 18))) { Id = id });
            runs.Add(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id }));
        }
        return Para(runs, justify: true);
    }

    private static Paragraph Para(IEnumerable<OpenXmlElement> runs, bool center = false, bool justify = false)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "160" });
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        else if (justify) properties.Append(new Justification { Val = JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static IEnumerable<Run> Runs(string text, bool bold = false, bool italic = false, int size = 22) =>
        MidtermDocument.Segments(text).Select(s => new Run(Properties(s.Khmer, bold, italic, size), new W.Text(s.Text) { Space = SpaceProcessingModeValues.Preserve }));

    private static RunProperties Properties(bool khmer, bool bold, bool italic, int size)
    {
        var font = khmer ? MidtermDocument.KhmerFont : LatinFont;
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        if (bold) properties.Append(new Bold(), new BoldComplexScript());
        if (italic && !khmer) properties.Append(new Italic(), new ItalicComplexScript());
        var halfPoints = size.ToString(CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        if (khmer) properties.Append(new ComplexScript(), new Languages { Bidi = "km-KH" });
        return properties;
    }
}

internal static class ParagraphAppend
{
    public static Paragraph AppendChildren(this Paragraph paragraph, IEnumerable<Run> runs)
    {
        paragraph.Append(runs);
        return paragraph;
    }
}

/// <summary>The document's fixed words in its language.</summary>
public sealed record SubmissionLabels(string Subtitle, string Joint, string Individual, string Organisations, string Recommendations)
{
    public static SubmissionLabels For(string language) => language == "km"
        ? new("ការពិនិត្យឡើងវិញតាមកាលកំណត់ជាសកល៖ {0}, វដ្តទី {1} — {2}", "របាយការណ៍រួម", "របាយការណ៍បុគ្គល", "អង្គការដាក់ជូន", "អនុសាសន៍")
        : new("Universal Periodic Review of {0}, cycle {1} — {2}", "Joint stakeholder submission", "Stakeholder submission", "Submitting organisations", "Recommendations");
}
