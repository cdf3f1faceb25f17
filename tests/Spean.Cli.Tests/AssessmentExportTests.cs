using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Data.Sqlite;

namespace Spean.Cli.Tests;

[Collection(nameof(CommandTests))]
public sealed class AssessmentExportTests : IDisposable
{
    private const string Narrative = "ក្រសួងបានចុះបញ្ជីដីសហគមន៍ជនជាតិដើមភាគតិច";
    private readonly string folder = Directory.CreateTempSubdirectory("spean-cli-").FullName;

    [Fact]
    public async Task Export_assessments_writes_the_Khmer_mid_term_report_as_Word_and_the_same_rows_as_CSV()
    {
        var data = Path.Combine(folder, "data");
        var docx = Path.Combine(folder, "midterm.docx");
        var csv = Path.Combine(folder, "midterm.csv");
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--data-dir", data)).Code);
        Assess(data);

        var word = await CommandTests.RunCapturedAsync("", "export", "assessments", "--data-dir", data, "--state", "KHM", "--cycle", "2",
            "--format", "docx", "--language", "km", "-o", docx);
        var table = await CommandTests.RunCapturedAsync("", "export", "assessments", "--data-dir", data, "--state", "khm", "--cycle", "2", "-o", csv);
        var wrong = await CommandTests.RunCapturedAsync("", "export", "assessments", "--data-dir", data, "--state", "KHM", "--cycle", "2",
            "--format", "pdf", "-o", csv + ".pdf");

        Assert.True(word.Code == 0, word.Error);
        Assert.Matches(@"Wrote \d+ recommendations", word.Output);
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();
            var narrative = runs.Single(r => r.InnerText.Contains(Narrative, StringComparison.Ordinal));
            Assert.Equal("Khmer OS", narrative.RunProperties?.RunFonts?.ComplexScript?.Value);
            Assert.NotNull(narrative.RunProperties?.ComplexScript);
            Assert.Equal("km-KH", narrative.RunProperties?.Languages?.Bidi?.Value);
            Assert.Contains(runs, r => r.InnerText.Contains("បានអនុវត្តដោយផ្នែក", StringComparison.Ordinal));
        }
        Assert.True(table.Code == 0, table.Error);
        var lines = (await File.ReadAllLinesAsync(csv)).ToList();
        Assert.StartsWith("Theme,Paragraph,Recommendation,Recommended by,Position,Full list of themes,Status,Assessment/comments on level of implementation", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.Contains(",PartiallyImplemented,Partially implemented (As of 2026-03-01): ", StringComparison.Ordinal) && l.Contains(Narrative, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",NotYetAssessed,Not yet assessed", StringComparison.Ordinal));
        Assert.Equal(2, wrong.Code);
        Assert.Contains("--format is csv, xlsx or docx", wrong.Error);
    }

    /// <summary>An organisation's assessment of one of Cambodia's supported recommendations of cycle 2, written as the app would store it.</summary>
    private static void Assess(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "spean.db")}");
        connection.Open();
        using var find = connection.CreateCommand();
        find.CommandText = "SELECT \"Id\" FROM \"Recommendations\" WHERE \"StateUnderReviewIso3\" = 'KHM' AND \"Cycle\" = 2 AND \"Response\" = 'Supported' LIMIT 1";
        var recommendation = (string)find.ExecuteScalar()!;
        var organisation = Guid.NewGuid().ToString().ToUpperInvariant();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "Organisations" ("Id", "Name", "CreatedAt") VALUES ($o, 'Organisation A', '2026-01-01 00:00:00');
            INSERT INTO "Assessments" ("Id", "RecommendationId", "OrganisationId", "Consolidated", "Status", "AsOf", "NarrativeKm", "Published",
                "AuthorId", "Author", "RecordedAt", "IsCurrent")
            VALUES ($a, $r, $o, 0, 'PartiallyImplemented', '2026-03-01', $n, 1, $o, 'Monitor', '2026-03-02 00:00:00', 1);
            """;
        insert.Parameters.AddWithValue("$o", organisation);
        insert.Parameters.AddWithValue("$a", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$r", recommendation);
        insert.Parameters.AddWithValue("$n", Narrative);
        insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
