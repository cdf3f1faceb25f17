using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Implementation;

/// <summary>
/// Visits every scorecard and mid-term address, in both languages, as a visitor and as a signed-in reader asking for the
/// public version, and checks that no unpublished assessment shows (not its narrative, not its count); then checks that a
/// signed-in reader does see them, so the crawl is known to look where they would be.
/// </summary>
public abstract class ScorecardCrawlTests(ScorecardApp app)
{
    private static readonly string[] Addresses =
    [
        "/implementation/scorecards/KHM/4", "/implementation/scorecards/KHM/4/by/NOR", "/implementation/scorecards/KHM/4/by/FRA",
        "/implementation/midterm/KHM/4?lang=en", "/implementation/midterm/KHM/4?lang=km",
        "/api/v1/implementation/scorecards/KHM/4", "/api/v1/implementation/scorecards/KHM/4/by/NOR", "/api/v1/implementation/scorecards/KHM/4/by/FRA",
        "/api/v1/implementation/scorecards/KHM/4/export.csv", "/api/v1/implementation/scorecards/KHM/4/export.xlsx",
        "/api/v1/implementation/scorecards/KHM/4/charts/status.svg", "/api/v1/implementation/scorecards/KHM/4/charts/issues.svg",
        "/api/v1/implementation/scorecards/KHM/4/charts/recommending.svg", "/api/v1/implementation/scorecards/KHM/4/charts/categories.svg",
        "/api/v1/implementation/midterm/KHM/4/report.docx?lang=en", "/api/v1/implementation/midterm/KHM/4/report.docx?lang=km",
    ];

    [Fact]
    public async Task No_unpublished_assessment_reaches_a_visitor_or_the_public_version()
    {
        var world = app.World;
        var signedIn = await app.ClientForAsync(Role.Coordinator);
        var leaks = new List<string>();
        var visitors = new (string Name, HttpClient Client, bool Public)[]
        {
            ("visitor", app.AnonymousClient(), false), ("visitor asking for all", app.AnonymousClient(), false), ("signed-in, public version", signedIn, true),
        };
        foreach (var (name, client, asksPublic) in visitors)
            foreach (var language in new[] { "en", "km" })
                foreach (var address in Addresses)
                {
                    var url = Url(address, language, asksPublic ? "public=true" : name.EndsWith("all", StringComparison.Ordinal) ? "public=false" : null);
                    var (status, text) = await ReadAsync(client, url);
                    if (status != HttpStatusCode.OK) { leaks.Add($"{name}: {url} answered {status}"); continue; }
                    if (world.UnpublishedMarkers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } marker)
                        leaks.Add($"{name}: {url} shows unpublished {marker}");
                    if (url.Contains(".csv", StringComparison.Ordinal))
                    {
                        var rows = ExportFiles.ReadCsv(System.Text.Encoding.UTF8.GetBytes(text));
                        var total = rows.First();
                        // Published only: supported R1 fully, R4 cannot be assessed, R2 not yet assessed; nothing "not implemented".
                        var counts = string.Join(" ", total.Values.Skip(4));
                        if (counts != "1 0 0 1 1 3") leaks.Add($"{name}: {url} counts {counts} supported");
                    }
                }

        var (_, inside) = await ReadAsync(signedIn, "/implementation/midterm/KHM/4?lang=en");
        Assert.Contains(world.UnpublishedMarkers, m => inside.Contains(m, StringComparison.Ordinal));
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(30)));
    }

    private static string Url(string address, string language, string? extra)
    {
        var query = new List<string>();
        if (!address.Contains("lang=", StringComparison.Ordinal)) query.Add($"culture={language}");
        if (extra is not null) query.Add(extra);
        return query.Count == 0 ? address : address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
    }

    private static async Task<(HttpStatusCode, string)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var content = await response.Content.ReadAsByteArrayAsync();
        if (url.Contains(".xlsx", StringComparison.Ordinal) && response.IsSuccessStatusCode) return (response.StatusCode, ExportFiles.AllText(url, content));
        if (url.Contains(".docx", StringComparison.Ordinal) && response.IsSuccessStatusCode)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            return (response.StatusCode, document.MainDocumentPart!.Document!.InnerText);
        }
        return (response.StatusCode, System.Text.Encoding.UTF8.GetString(content));
    }
}

public sealed class SqliteScorecardCrawlTests(SqliteScorecardApp app) : ScorecardCrawlTests(app), IClassFixture<SqliteScorecardApp>;

public sealed class PostgresScorecardCrawlTests(PostgresScorecardApp app) : ScorecardCrawlTests(app), IClassFixture<PostgresScorecardApp>;
