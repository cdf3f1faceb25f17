using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>
/// Plants reports of every confidentiality in organisation A, each with its own marker in the title, the
/// narrative and a witness's name, then visits every report endpoint, page and feed as each kind of person and
/// checks that nothing above their level shows: not a marker, not a name, not a GPS point, not a count.
/// Each test class has its own database, so every report counted is one planted here.
/// </summary>
public abstract class ConfidentialityCrawlTests(SpeanApp app)
{
    private const string PhotoLatitude = "13.8047";
    private static readonly string[] PhotoTakenAt = ["2025-03-14T02:26:53", "2025-03-14 02:26:53"];

    private sealed record Planted(string Key, string Confidentiality, string Status, bool HasEvidence)
    {
        public Guid Id { get; set; }
        public string Marker { get; } = Key + "-" + Guid.NewGuid().ToString("N")[..10];
        public string Title => "T-" + Marker;
        public string Story => "N-" + Marker;
        public string Witness => "W-" + Marker;
        public Guid? FileId { get; set; }
    }

    private sealed record Visitor(string Name, HttpClient Client, HashSet<string> Sees, HashSet<string> Identifies);

    /// <summary>The list's counts: the response property, the filter it counts for, and the value each planted report counts under.</summary>
    private static readonly (string Facet, string Filter, Func<Planted, string> Key)[] Facets =
    [
        ("byCategory", "category", _ => "mining"),
        ("byStatus", "status", r => r.Status),
        ("byConfidentiality", "confidentiality", r => r.Confidentiality),
        ("byEvidence", "hasEvidence", r => r.HasEvidence ? "true" : "false"),
        ("byProvince", "place", _ => "13"),
    ];

    [Fact]
    public async Task No_one_sees_a_report_a_name_a_point_or_a_count_above_their_level()
    {
        var a = await OrganisationAsync(app, "Organisation A");
        var b = await OrganisationAsync(app, "Organisation B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, coordinatorA) = await PersonAsync(app, Role.Coordinator, a);
        var (reader, readerClient) = await PersonAsync(app, Role.Member, b);

        Planted[] reports =
        [
            new("PUBPUB", "Public", "Published", HasEvidence: true),
            new("PUBSUB", "Public", "Submitted", HasEvidence: false),
            new("NETPUB", "Network", "Published", HasEvidence: false),
            new("ORGPUB", "Organisation", "Published", HasEvidence: true),
            new("RESSUB", "Restricted", "Submitted", HasEvidence: true),
            new("DRAFT", "Network", "Draft", HasEvidence: true),
        ];
        foreach (var report in reports)
            await PlantAsync(report, author, coordinatorA, reader.Id);

        string[] everyone = ["PUBPUB"], signedIn = ["PUBPUB", "PUBSUB", "NETPUB"], inA = [.. signedIn, "ORGPUB"];
        var visitors = new List<Visitor>
        {
            new("anonymous", app.AnonymousClient(), [.. everyone], []),
            new("viewer of A", (await PersonAsync(app, Role.Viewer, a)).Client, [.. inA], []),
            new("member of A", (await PersonAsync(app, Role.Member, a)).Client, [.. inA], []),
            new("coordinator of A", coordinatorA, [.. inA], [.. inA]),
            new("member of B", (await PersonAsync(app, Role.Member, b)).Client, [.. signedIn], []),
            new("coordinator of B", (await PersonAsync(app, Role.Coordinator, b)).Client, [.. signedIn], []),
            new("administrator of B", (await PersonAsync(app, Role.Administrator, b)).Client, [.. signedIn], []),
            new("administrator of A", (await PersonAsync(app, Role.Administrator, a)).Client, [.. inA], [.. inA]),
            new("network administrator", (await Accounts.Administrators.PersonAsync(app, Role.NetworkAdministrator, null)).Client, [.. signedIn], []),
            new("named reader", readerClient, [.. signedIn, "RESSUB"], ["RESSUB"]),
            new("author", author, [.. reports.Select(r => r.Key)], [.. reports.Select(r => r.Key)]),
        };

        var leaks = new List<string>();
        foreach (var visitor in visitors)
            leaks.AddRange(await CrawlAsync(visitor, reports));

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(40)) + "\n" + string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3)));
    }

    private static async Task PlantAsync(Planted report, HttpClient author, HttpClient coordinator, Guid reader)
    {
        var input = Input(report.Title, report.Confidentiality, readers: report.Confidentiality == "Restricted" ? [reader] : null,
            narrative: $"{report.Story}: an excavator cleared the forest, the witness said.");
        report.Id = await FileAsync(author, input);
        await AddPersonAsync(author, report.Id, report.Witness);
        if (report.HasEvidence)
        {
            var photo = SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802), comment: report.Marker);
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "photo.jpg");
            form.Add(new StringContent(Convert.ToHexStringLower(SHA256.HashData(photo))), "sha256");
            form.Add(new StringContent(Guid.NewGuid().ToString()), "clientUploadId");
            using var response = await author.PostAsync($"/api/v1/reports/{report.Id}/evidence", form);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            report.FileId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        }
        if (report.Status == "Draft") return;
        await MoveOkAsync(author, report.Id, "Submitted");
        if (report.Status == "Submitted") return;
        await MoveOkAsync(coordinator, report.Id, "UnderReview");
        await MoveOkAsync(coordinator, report.Id, "Verified");
        await MoveOkAsync(coordinator, report.Id, "Published");
    }

    private static async Task<List<string>> CrawlAsync(Visitor visitor, Planted[] reports)
    {
        var leaks = new List<string>();
        var visible = reports.Where(r => visitor.Sees.Contains(r.Key)).ToList();

        void Check(string url, string body)
        {
            foreach (var report in reports)
            {
                if (!visitor.Sees.Contains(report.Key) && (body.Contains(report.Title, StringComparison.Ordinal) || body.Contains(report.Story, StringComparison.Ordinal)))
                    leaks.Add($"{visitor.Name}: {url} shows hidden report {report.Key}");
                if (!visitor.Identifies.Contains(report.Key) && body.Contains(report.Witness, StringComparison.Ordinal))
                    leaks.Add($"{visitor.Name}: {url} names the witness of {report.Key}");
            }
            if (visitor.Identifies.Count == 0 && body.Contains(PhotoLatitude, StringComparison.Ordinal))
                leaks.Add($"{visitor.Name}: {url} shows a photo's GPS point");
        }

        var filters = new List<(string Query, Func<Planted, bool> Matches)>
        {
            ("", _ => true),
            ("?category=mining", _ => true),
            ("?category=land", _ => false),
            ("?place=13", _ => true),
            ("?place=1301", _ => true),
            ("?place=130101", _ => true),
            ("?place=01", _ => false),
            ("?hasEvidence=true", r => r.HasEvidence),
            ("?hasEvidence=false", r => !r.HasEvidence),
            ("?from=2025-01-01&to=2025-12-31", _ => true),
        };
        foreach (var status in new[] { "Draft", "Submitted", "UnderReview", "Verified", "Published", "Rejected" })
            filters.Add(($"?status={status}", r => r.Status == status));
        foreach (var level in new[] { "Public", "Network", "Organisation", "Restricted" })
            filters.Add(($"?confidentiality={level}", r => r.Confidentiality == level));
        // A search for the words of a report finds it for those who may see it, and for no one else: not even as a count.
        foreach (var planted in reports)
            filters.Add(($"?q={planted.Marker}", r => r == planted));
        filters.Add(("?q=excavator", _ => true));
        filters.Add(("?q=bulldozer", _ => false));

        foreach (var (query, matches) in filters)
        {
            var url = "/api/v1/reports" + query + (query.Length == 0 ? "?" : "&") + "pageSize=100";
            var (status, body) = await GetAsync(visitor.Client, url);
            if (status != HttpStatusCode.OK) { leaks.Add($"{visitor.Name}: {url} answered {status}"); continue; }
            Check(url, body);
            var expected = visible.Where(matches).ToList();
            var json = JsonDocument.Parse(body).RootElement;
            var total = json.GetProperty("total").GetInt32();
            if (total != expected.Count) leaks.Add($"{visitor.Name}: {url} counts {total} reports, expected {expected.Count}");
            // Each filter's counts leave out its own choice: every query here sets one filter, whose counts span all the visible reports.
            var own = query.Length == 0 ? "" : query[1..query.IndexOf('=', StringComparison.Ordinal)];
            foreach (var (facet, filter, key) in Facets)
            {
                var counts = json.GetProperty(facet).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
                var counted = (filter == own ? visible : expected).GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
                if (!counts.OrderBy(p => p.Key).SequenceEqual(counted.OrderBy(p => p.Key)))
                    leaks.Add($"{visitor.Name}: {url} counts {facet} {string.Join(", ", counts)}, expected {string.Join(", ", counted)}");
            }
            var listed = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Order().ToList();
            if (!listed.SequenceEqual(expected.Select(r => r.Title).Order()))
                leaks.Add($"{visitor.Name}: {url} lists {string.Join(", ", listed)}");

            var page = "/reports" + query;
            var (pageStatus, html) = await GetAsync(visitor.Client, page);
            if (pageStatus != HttpStatusCode.OK) leaks.Add($"{visitor.Name}: {page} answered {pageStatus}");
            Check(page, html);
            if (expected.FirstOrDefault(r => !html.Contains(r.Title, StringComparison.Ordinal)) is { } missing)
                leaks.Add($"{visitor.Name}: {page} does not list {missing.Key}, which they may see");

            // Exports never name anyone, whoever exports: files travel further than pages.
            foreach (var export in new[] { "/api/v1/reports/export.csv" + query, "/api/v1/reports/export.xlsx" + query })
            {
                using var response = await visitor.Client.GetAsync(export);
                var content = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) { leaks.Add($"{visitor.Name}: {export} answered {response.StatusCode}"); continue; }
                var text = ExportFiles.AllText(export, content);
                Check(export, text);
                if (reports.FirstOrDefault(r => text.Contains(r.Witness, StringComparison.Ordinal)) is { } named)
                    leaks.Add($"{visitor.Name}: {export} names the witness of {named.Key}");
                if (text.Contains(WitnessContact, StringComparison.Ordinal)) leaks.Add($"{visitor.Name}: {export} gives a witness's contact");
                var exported = ExportFiles.Read(export, content).Select(r => r["Id"]).Order().ToList();
                if (!exported.SequenceEqual(expected.Select(r => r.Id.ToString()).Order()))
                    leaks.Add($"{visitor.Name}: {export} holds {exported.Count} reports, expected {string.Join(", ", expected.Select(r => r.Key))}");
            }

            foreach (var timeline in new[] { "/api/v1/reports/timeline" + query, "/reports/timeline" + query })
            {
                var (timelineStatus, text) = await GetAsync(visitor.Client, timeline);
                if (timelineStatus != HttpStatusCode.OK) { leaks.Add($"{visitor.Name}: {timeline} answered {timelineStatus}"); continue; }
                Check(timeline, text);
                if (expected.FirstOrDefault(r => !text.Contains(r.Title, StringComparison.Ordinal)) is { } absent)
                    leaks.Add($"{visitor.Name}: {timeline} does not show {absent.Key}, which they may see");
            }

            var feedUrl = "/api/v1/reports/feed.atom" + query;
            var (feedStatus, feed) = await GetAsync(visitor.Client, feedUrl);
            if (feedStatus != HttpStatusCode.OK) { leaks.Add($"{visitor.Name}: {feedUrl} answered {feedStatus}"); continue; }
            Check(feedUrl, feed);
            var entries = ReportFeedTests.Entries(feed).Select(e => e.Title).Order().ToList();
            if (!entries.SequenceEqual(expected.Select(r => r.Title).Order()))
                leaks.Add($"{visitor.Name}: {feedUrl} has entries {string.Join(", ", entries)}");
        }

        // Every planted report lies in province 13; the map's count there must be what this visitor may see.
        foreach (var mapUrl in new[] { "/api/v1/map/provinces.svg", "/map" })
        {
            var (mapStatus, map) = await GetAsync(visitor.Client, mapUrl);
            Check(mapUrl, map);
            var drawn = System.Text.RegularExpressions.Regex.Match(map, "<title>Preah Vihear: ([0-9]+)</title>");
            if (mapStatus != HttpStatusCode.OK || !drawn.Success || drawn.Groups[1].Value != visible.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                leaks.Add($"{visitor.Name}: {mapUrl} answered {mapStatus} and counts {(drawn.Success ? drawn.Groups[1].Value : "nothing")} in Preah Vihear, expected {visible.Count}");
        }

        foreach (var report in reports)
        {
            var sees = visitor.Sees.Contains(report.Key);
            foreach (var url in new[] { $"/api/v1/reports/{report.Id}", $"/reports/{report.Id}" })
            {
                var (status, body) = await GetAsync(visitor.Client, url);
                Check(url, body);
                if (sees != (status == HttpStatusCode.OK)) leaks.Add($"{visitor.Name}: {url} answered {status}");
                if (sees && !body.Contains(report.Story, StringComparison.Ordinal)) leaks.Add($"{visitor.Name}: {url} lacks the narrative of {report.Key}");
                var identifies = visitor.Identifies.Contains(report.Key);
                if (sees && identifies != body.Contains(report.Witness, StringComparison.Ordinal))
                    leaks.Add($"{visitor.Name}: {url} {(identifies ? "hides" : "shows")} the witness of {report.Key}");
                if (sees && !identifies && report.HasEvidence && body.Contains(PhotoLatitude, StringComparison.Ordinal))
                    leaks.Add($"{visitor.Name}: {url} shows the GPS point of {report.Key}'s photo");
                if (sees && !identifies && report.HasEvidence && PhotoTakenAt.Any(t => body.Contains(t, StringComparison.Ordinal)))
                    leaks.Add($"{visitor.Name}: {url} shows when {report.Key}'s photo was taken");
                if (sees && identifies && report.HasEvidence && !PhotoTakenAt.Any(t => body.Contains(t, StringComparison.Ordinal)))
                    leaks.Add($"{visitor.Name}: {url} does not show when {report.Key}'s photo was taken");
                if (sees && !visitor.Name.Equals("anonymous", StringComparison.Ordinal) && !identifies && !body.Contains("Person-", StringComparison.Ordinal))
                    leaks.Add($"{visitor.Name}: {url} gives no pseudonym for the witness of {report.Key}");
            }
            if (report.FileId is { } fileId)
            {
                var url = $"/api/v1/reports/{report.Id}/evidence/{fileId}";
                foreach (var original in new[] { url, url + "/view" })
                {
                    var (status, _) = await GetAsync(visitor.Client, original);
                    if ((status == HttpStatusCode.OK) != visitor.Identifies.Contains(report.Key)) leaks.Add($"{visitor.Name}: {original} answered {status}");
                }

                // The public copy: for whoever sees the report once it is published, without the photo's metadata.
                var publicUrl = url + "/public";
                var (publicStatus, publicCopy) = await GetAsync(visitor.Client, publicUrl);
                Check(publicUrl, publicCopy);
                if ((publicStatus == HttpStatusCode.OK) != (sees && report.Status == "Published")) leaks.Add($"{visitor.Name}: {publicUrl} answered {publicStatus}");
                if (publicCopy.Contains("Galaxy", StringComparison.Ordinal) || publicCopy.Contains(report.Marker, StringComparison.Ordinal))
                    leaks.Add($"{visitor.Name}: {publicUrl} carries the photo's metadata");
            }
        }

        const string verification = "/api/v1/evidence/verification";
        using (var verified = await visitor.Client.PostAsync(verification, null))
        {
            Check(verification, await verified.Content.ReadAsStringAsync());
            // Its answers name files and uploaders of every organisation: for network administrators only.
            if ((verified.StatusCode == HttpStatusCode.OK) != (visitor.Name == "network administrator"))
                leaks.Add($"{visitor.Name}: POST {verification} answered {verified.StatusCode}");
        }
        return leaks;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteConfidentialityCrawlTests(SqliteApp app) : ConfidentialityCrawlTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresConfidentialityCrawlTests(PostgresApp app) : ConfidentialityCrawlTests(app), IClassFixture<PostgresApp>;
