using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Implementation.AssessmentApiTests;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Implementation;

/// <summary>
/// Cites reports of every confidentiality, each with a canary title, as evidence of one assessment and links them to the
/// recommendation, then reads every implementation page and API as each kind of person: a report they may not see shows
/// only as "restricted evidence", never its title or id.
/// </summary>
public abstract class AssessmentCrawlTests(SpeanApp app)
{
    private sealed record Planted(string Key, string Confidentiality, bool Submit)
    {
        public Guid Id { get; set; }
        public string Title { get; } = "CANARY-" + Key + "-" + Guid.NewGuid().ToString("N")[..8];
    }

    [Fact]
    public async Task Evidence_and_linked_reports_show_nothing_but_restricted_evidence_to_those_who_may_not_see_them()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, coordinatorA) = await PersonAsync(app, Role.Coordinator, a);
        var (reader, readerClient) = await PersonAsync(app, Role.Member, b);
        var recommendation = await RecommendationAsync(app);

        Planted[] reports =
        [
            new("PUBPUB", "Public", true), new("NETSUB", "Network", true), new("ORGSUB", "Organisation", true),
            new("RESSUB", "Restricted", true), new("DRAFT", "Network", false),
        ];
        foreach (var report in reports)
        {
            report.Id = await FileAsync(author, Input(report.Title, report.Confidentiality, readers: report.Confidentiality == "Restricted" ? [reader.Id] : null));
            using (var linked = await author.PutAsync($"/api/v1/implementation/reports/{report.Id}/recommendations/{recommendation}", null))
                Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
            if (report.Key == "PUBPUB") await PublishAsync(author, coordinatorA, report.Id);
            else if (report.Submit) await MoveOkAsync(author, report.Id, "Submitted");
        }
        var recorded = await RecordOkAsync(author, new
        {
            recommendationIds = new[] { recommendation }, status = "NotImplemented", asOf = "2025-06-01", narrativeEn = "Assessed with every kind of report.",
            evidence = reports.Select(r => new { kind = "FieldReport", reportId = r.Id }).ToArray(),
        });
        var assessment = recorded.GetProperty("assessments")[0].GetProperty("id").GetGuid();
        using (var published = await coordinatorA.PutAsJsonAsync($"/api/v1/implementation/assessments/{assessment}/published", new { published = true }))
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);

        string[] signedIn = ["PUBPUB", "NETSUB"], inA = [.. signedIn, "ORGSUB"];
        var visitors = new List<(string Name, HttpClient Client, string[] Sees)>
        {
            ("anonymous", app.AnonymousClient(), ["PUBPUB"]),
            ("viewer of A", (await PersonAsync(app, Role.Viewer, a)).Client, inA),
            ("member of A", (await PersonAsync(app, Role.Member, a)).Client, inA),
            ("coordinator of A", coordinatorA, inA),
            ("administrator of A", (await PersonAsync(app, Role.Administrator, a)).Client, inA),
            ("member of B", (await PersonAsync(app, Role.Member, b)).Client, signedIn),
            ("coordinator of B", (await PersonAsync(app, Role.Coordinator, b)).Client, signedIn),
            ("named reader", readerClient, [.. signedIn, "RESSUB"]),
            ("author", author, [.. reports.Select(r => r.Key)]),
        };

        var leaks = new List<string>();
        foreach (var (name, client, sees) in visitors)
        {
            void Check(string url, string body)
            {
                foreach (var report in reports.Where(r => !sees.Contains(r.Key)))
                    if (body.Contains(report.Title, StringComparison.Ordinal) || body.Contains(report.Id.ToString(), StringComparison.OrdinalIgnoreCase))
                        leaks.Add($"{name}: {url} shows hidden report {report.Key}");
            }

            var pages = new[]
            {
                $"/recommendations/{recommendation}", $"/recommendations/{recommendation}?culture=km", $"/api/v1/implementation/recommendations/{recommendation}/assessments",
                $"/api/v1/recommendations/{recommendation}", $"/implementation/assess?ids={recommendation}", $"/implementation/assess?ids={recommendation}&reportq=CANARY",
                "/recommendations/states/KHM", $"/reports?q=CANARY",
            };
            foreach (var url in pages)
            {
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Check(url, body);
                if (response.StatusCode == HttpStatusCode.InternalServerError) leaks.Add($"{name}: {url} failed");
            }

            var page = await client.GetStringAsync($"/recommendations/{recommendation}");
            foreach (var report in reports.Where(r => sees.Contains(r.Key)))
                if (!page.Contains(report.Title, StringComparison.Ordinal)) leaks.Add($"{name}: the recommendation page does not show {report.Key}, which they may see");
            var api = await client.GetJsonAsync($"/api/v1/implementation/recommendations/{recommendation}/assessments");
            var evidence = Assert.Single(api.GetProperty("history").EnumerateArray()).GetProperty("evidence").EnumerateArray().ToList();
            var restricted = evidence.Count(e => e.GetProperty("restricted").GetBoolean());
            if (restricted != reports.Length - sees.Length) leaks.Add($"{name}: {restricted} restricted evidence items, expected {reports.Length - sees.Length}");
            if (evidence.Where(e => e.GetProperty("restricted").GetBoolean()).Any(e => e.GetProperty("title").ValueKind != JsonValueKind.Null || e.GetProperty("reportId").ValueKind != JsonValueKind.Null))
                leaks.Add($"{name}: a restricted evidence item carries a title or id");
            if (restricted > 0 && !page.Contains("Restricted evidence", StringComparison.Ordinal)) leaks.Add($"{name}: the page does not say restricted evidence exists");
            var hiddenFiled = reports.Count(r => !sees.Contains(r.Key) && r.Submit);
            if (api.GetProperty("restrictedReports").GetInt32() != hiddenFiled)
                leaks.Add($"{name}: counts {api.GetProperty("restrictedReports").GetInt32()} restricted linked reports, expected {hiddenFiled}");
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}

public sealed class SqliteAssessmentCrawlTests(SqliteApp app) : AssessmentCrawlTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAssessmentCrawlTests(PostgresApp app) : AssessmentCrawlTests(app), IClassFixture<PostgresApp>;
