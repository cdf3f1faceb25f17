using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The reports exports: every field, Khmer intact, people only as pseudonyms, audited.</summary>
public abstract class ReportExportTests(SpeanApp app)
{
    private const string KhmerNarrative = "ក្រុមហ៊ុនបានឈូសឆាយព្រៃសហគមន៍ ហើយអ្នកភូមិបាត់បង់ដីស្រែ។";

    [Fact]
    public async Task An_export_holds_every_field_and_names_people_only_by_the_same_pseudonym_every_time()
    {
        var organisation = await OrganisationAsync(app, "Exporters");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (coordinator, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        var recommendation = await RecommendationAsync(app);
        using var filed = await author.PostAsJsonAsync("/api/v1/reports", new
        {
            clientId = Guid.NewGuid(), title = "=1+1 forest cleared at S'ang", narrative = KhmerNarrative, category = "mining", occurredFrom = "2024-02-01",
            occurredTo = "2024-02-03", adminUnitCode = PreahVihearCommune, latitude = 13.8, longitude = 104.98, affectedWomen = 3, affectedMen = 2,
            affectedGirls = 1, affectedBoys = 0, affectedUnknown = 4, sourceKind = "SecondHand", mediaLinks = new List<string> { "https://example.org/news" },
            tags = new List<string> { "forest", "excavator" }, concessionIds = new List<string> { "mining-199" }, recommendationIds = new List<Guid> { recommendation },
            confidentiality = "Organisation",
        });
        var id = (await filed.ReadJsonAsync()).GetProperty("id").GetGuid();
        await AddPersonAsync(author, id, "Sok Dara");
        using var victim = await author.PostAsJsonAsync($"/api/v1/reports/{id}/people", new { role = "Victim", name = "Chan Sophea", contact = "sophea@example.org" });
        Assert.True(victim.IsSuccessStatusCode);
        var photo = SampleFiles.Pdf();
        await UploadAsync(author, id, photo);
        await MoveOkAsync(author, id, "Submitted");

        var first = await ExportAsync(reviewer, "export.csv");
        var again = await ExportAsync(reviewer, "export.csv");
        var workbook = await ExportAsync(reviewer, "export.xlsx");

        var row = first.Rows.Single(r => r["Id"] == id.ToString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, first.Bytes[..3]);
        Assert.Equal("'=1+1 forest cleared at S'ang", row["Title"]);
        Assert.Equal(KhmerNarrative, row["Narrative"]);
        Assert.Equal(("Mining and extractive industry", "ការជីកយករ៉ែ និងឧស្សាហកម្មទាញយកធនធាន"), (row["Category"], row["Category (Khmer)"]));
        Assert.Equal(("2024-02-01", "2024-02-03"), (row["Occurred from"], row["Occurred to"]));
        Assert.Equal((PreahVihearCommune, "S'ang", "ស្អាង"), (row["Place code"], row["Place"], row["Place (Khmer)"]));
        Assert.Equal(("Preah Vihear", "ព្រះវិហារ"), (row["Province"], row["Province (Khmer)"]));
        Assert.Equal(("13.8", "104.98"), (row["Latitude"], row["Longitude"]));
        Assert.Equal(("Submitted", "Organisation"), (row["Status"], row["Confidentiality"]));
        string[] affected = ["Women affected", "Men affected", "Girls affected", "Boys affected", "Sex or age unknown", "People affected"];
        Assert.Equal(["3", "2", "1", "0", "4", "10"], affected.Select(c => row[c]));
        Assert.Equal(("SecondHand", "https://example.org/news", "forest; excavator"), (row["Source"], row["Media links"], row["Tags"]));
        Assert.StartsWith("mining-199: ", row["Concessions"]);
        Assert.Equal("Wuhan Steel (50%)", row["Companies"]);
        Assert.Equal(recommendation.ToString(), row["Recommendations"]);
        Assert.Equal(("1", Convert.ToHexStringLower(SHA256.HashData(photo))), (row["Evidence files"], row["Evidence SHA-256"]));
        Assert.Matches("^Person-[0-9A-F]{8} \\(Witness\\); Person-[0-9A-F]{8} \\(Victim\\)$", row["People named"]);
        Assert.StartsWith("Exporters", row["Organisation"]);

        var xlsxRow = workbook.Rows.Single(r => r["Id"] == id.ToString());
        Assert.Equal(row["People named"], again.Rows.Single(r => r["Id"] == id.ToString())["People named"]);
        Assert.Equal(row["People named"], xlsxRow["People named"]);
        Assert.Equal(KhmerNarrative, xlsxRow["Narrative"]);
        Assert.Equal("=1+1 forest cleared at S'ang", xlsxRow["Title"]);
        foreach (var export in new[] { first, again, workbook })
        {
            foreach (var secret in new[] { "Sok Dara", WitnessContact, "Chan Sophea", "sophea@example.org" })
                Assert.DoesNotContain(secret, export.Text);
        }

        var audited = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .Where(e => e.Action == AuditAction.Exported && e.UserId == coordinator.Id).Select(e => e.Detail).ToListAsync());
        // In no particular order: PostgreSQL returns rows without an ORDER BY in whatever order suits it.
        Assert.Equal(["reports exported as Csv: ?pageSize=100", "reports exported as Csv: ?pageSize=100", "reports exported as Xlsx: ?pageSize=100"],
            audited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_export_is_the_public_copy_of_the_public_reports()
    {
        var organisation = await OrganisationAsync(app, "Publishers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        // Away from Preah Vihear and Phnom Penh, whose counts the map's tests expect to be nothing for anonymous visitors.
        var published = await FileAsync(author, Input("Published for everyone", "Public", place: "170101"));
        var kept = await FileAsync(author, Input("Kept in the network", "Network"));
        await AddPersonAsync(author, published, "Keo Vanna");
        await UploadAsync(author, published, SampleFiles.Pdf());
        foreach (var id in new[] { published, kept })
        {
            await MoveOkAsync(author, id, "Submitted");
            foreach (var step in new[] { "UnderReview", "Verified", "Published" }) await MoveOkAsync(reviewer, id, step);
        }

        using var response = await app.AnonymousClient().GetAsync("/api/v1/reports/export.csv?category=mining");
        var rows = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("spean-reports.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.DoesNotContain(rows, r => r["Id"] == kept.ToString());
        var row = rows.Single(r => r["Id"] == published.ToString());
        Assert.Equal("Published for everyone", row["Title"]);
        Assert.Equal("1", row["Evidence files"]);
        string[] withheld = ["People named", "Evidence SHA-256", "Latitude", "Longitude", "Organisation"];
        Assert.All(withheld, column => Assert.Equal("", row[column]));
    }

    private sealed record Export(byte[] Bytes, List<Dictionary<string, string>> Rows, string Text);

    private static async Task<Export> ExportAsync(HttpClient client, string file)
    {
        var url = $"/api/v1/reports/{file}?pageSize=100";
        var bytes = await client.GetByteArrayAsync(url);
        return new Export(bytes, ExportFiles.Read(url, bytes), ExportFiles.AllText(url, bytes));
    }


    private static async Task UploadAsync(HttpClient author, Guid id, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "statement.pdf");
        form.Add(new StringContent(Convert.ToHexStringLower(SHA256.HashData(content))), "sha256");
        form.Add(new StringContent(Guid.NewGuid().ToString()), "clientUploadId");
        using var response = await author.PostAsync($"/api/v1/reports/{id}/evidence", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteReportExportTests(SqliteApp app) : ReportExportTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresReportExportTests(PostgresApp app) : ReportExportTests(app);
