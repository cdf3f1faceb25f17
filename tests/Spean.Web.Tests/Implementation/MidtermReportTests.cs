using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Spean.Core.Accounts;

namespace Spean.Web.Tests.Implementation;

public abstract class MidtermReportTests(ScorecardApp app)
{
    private static bool IsKhmer(char c) => c is >= '\u1780' and <= '\u17FF';

    private static List<List<string>> Table(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList()).ToList();

    [Fact]
    public async Task The_Khmer_mid_term_report_sets_a_Khmer_font_and_complex_script_properties_on_every_Khmer_run()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        using var response = await client.GetAsync("/api/v1/implementation/midterm/KHM/4/report.docx?lang=km");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("spean-midterm-khm-cycle4-km.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();
        var khmerRuns = runs.Where(r => r.InnerText.Any(IsKhmer)).ToList();
        Assert.True(khmerRuns.Count > 20, $"{khmerRuns.Count} Khmer runs");
        foreach (var run in khmerRuns)
        {
            var properties = run.RunProperties;
            var fonts = properties?.RunFonts;
            Assert.True(fonts is { ComplexScript.Value: "Khmer OS", Ascii.Value: "Khmer OS", HighAnsi.Value: "Khmer OS", EastAsia.Value: "Khmer OS" },
                $"run '{run.InnerText}' has fonts {fonts?.OuterXml}");
            Assert.True(properties!.ComplexScript is not null, $"run '{run.InnerText}' is not marked complex script");
            Assert.Equal("km-KH", properties.Languages?.Bidi?.Value);
        }
        Assert.All(runs.Except(khmerRuns), r => Assert.Null(r.RunProperties?.ComplexScript));

        var table = Table(document);
        Assert.Equal(["អនុសាសន៍", "ជំហរ", "បញ្ជីប្រធានបទទាំងអស់", "ការវាយតម្លៃ/មតិយោបល់លើកម្រិតនៃការអនុវត្ត"], table[0]);
        Assert.Contains(["សិទ្ធិលើដីធ្លី"], table);
        var r1 = table.Single(r => r[0].Contains("អនុសាសន៍ R1", StringComparison.Ordinal));
        Assert.Contains("ផ្ដល់អនុសាសន៍ដោយ: ន័រវែស", r1[0]);
        Assert.Equal("គាំទ្រ", r1[1]);
        Assert.Equal("សិទ្ធិលើដីធ្លី", r1[2]);
        Assert.StartsWith("បានអនុវត្តពេញលេញ (គិតត្រឹម 2026-02-01): ការចុះបញ្ជីដីសហគមន៍បានបញ្ចប់", r1[3]);
        var r2 = table.Single(r => r[0].Contains("អនុសាសន៍ R2", StringComparison.Ordinal));
        Assert.Equal("សិទ្ធិលើដីធ្លី, សិទ្ធិស្ត្រី", r2[2]);
        Assert.DoesNotContain(table, r => r[0].Contains("R6", StringComparison.Ordinal) || r[0].Contains("R8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_English_report_is_the_matrix_grouped_by_theme_with_the_assessment_column_filled()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        using var response = await client.GetAsync("/api/v1/implementation/midterm/KHM/4/report.docx?lang=en");
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var table = Table(document);

        Assert.Equal(["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"], table[0]);
        Assert.True(document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null,
            "the header row does not repeat on each page");
        var themes = table.Where(r => r.Count == 1).Select(r => r[0]).ToList();
        Assert.Equal([ScorecardWorld.Land, ScorecardWorld.Torture, ScorecardWorld.Women, "No theme"], themes);
        var r3 = table.Single(r => r[0].Contains(ScorecardWorld.Text("R3"), StringComparison.Ordinal));
        Assert.Equal("Noted", r3[1]);
        Assert.StartsWith("Not implemented (As of 2025-12-01): M-R3-unpub", r3[3]);
        Assert.Contains("Recommended by: France, Norway", r3[0]);
        var r4 = table.Single(r => r[0].Contains(ScorecardWorld.Text("R4"), StringComparison.Ordinal));
        Assert.StartsWith("Cannot be assessed", r4[3]);
    }

    [Fact]
    public async Task The_printable_page_speaks_the_report_s_language_and_prints_without_the_site_s_menus()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        var khmer = await client.GetStringAsync("/implementation/midterm/KHM/4?lang=km");
        var english = await client.GetStringAsync("/implementation/midterm/KHM/4?lang=en");
        var css = await client.GetStringAsync("/css/midterm.css");
        using var unknown = await client.GetAsync("/implementation/midterm/XYZ/4");

        Assert.Contains("<html lang=\"km\">", khmer);
        Assert.Contains("របាយការណ៍ពាក់កណ្ដាលអាណត្តិ៖ កម្ពុជា វដ្តទី 4", khmer);
        Assert.Contains("ការចុះបញ្ជីដីសហគមន៍បានបញ្ចប់", khmer);
        Assert.Contains("<thead>", khmer);
        Assert.Contains("href=\"css/midterm.css\"", khmer);
        Assert.Contains("Assessment/comments on level of implementation", english);
        Assert.Contains("@media print", css);
        Assert.Contains("header.top, footer.foot", css);
        Assert.Contains("display: table-header-group", css);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_the_two_it_takes()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/implementation/midterm/KHM/4/report.docx?lang=fr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("en (English) or km (Khmer)", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteMidtermReportTests(SqliteScorecardApp app) : MidtermReportTests(app), IClassFixture<SqliteScorecardApp>;

public sealed class PostgresMidtermReportTests(PostgresScorecardApp app) : MidtermReportTests(app), IClassFixture<PostgresScorecardApp>;
