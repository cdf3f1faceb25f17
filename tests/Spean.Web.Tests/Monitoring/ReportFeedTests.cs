using System.Net;
using System.Xml.Linq;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The Atom feed of reports: what a feed reader shows, in either language, and what it must never carry.</summary>
public abstract class ReportFeedTests(SpeanApp app)
{
    public sealed record Entry(string Title, string Link, string Summary, string Content, string Category, DateTimeOffset Updated);

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static List<Entry> Entries(string feed) =>
        XDocument.Parse(feed).Root!.Elements(Atom + "entry").Select(e => new Entry(
            (string)e.Element(Atom + "title")!, (string)e.Element(Atom + "link")!.Attribute("href")!, (string)e.Element(Atom + "summary")!,
            (string)e.Element(Atom + "content")!, (string)e.Element(Atom + "category")!.Attribute("label")!, DateTimeOffset.Parse((string)e.Element(Atom + "updated")!,
                System.Globalization.CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public async Task A_feed_reader_gets_what_changed_last_that_its_reader_may_see_and_never_a_person()
    {
        var organisation = await OrganisationAsync(app, "Feeders");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, organisation);
        var (_, member) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Other network"));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var published = await FileAsync(author, Input($"Published {marker}", "Public"));
        var submitted = await FileAsync(author, Input($"Submitted {marker}", "Public"));
        var network = await FileAsync(author, Input($"Network {marker}", "Network"));
        await AddPersonAsync(author, published, "Witness " + marker);
        await MoveOkAsync(author, submitted, "Submitted");
        await PublishAsync(network);
        await PublishAsync(published);

        using var response = await app.AnonymousClient().GetAsync("/api/v1/reports/feed.atom");
        var anonymous = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var entry = Assert.Single(Entries(anonymous), e => e.Title.EndsWith(marker, StringComparison.Ordinal));
        Assert.Equal($"Published {marker}", entry.Title);
        Assert.Equal($"http://localhost/reports/{published}", entry.Link);
        Assert.StartsWith($"Published {marker}: an excavator cleared the forest", entry.Content);
        Assert.Equal("Mining and extractive industry · S'ang · 2025-03-14 · Published", entry.Summary);
        Assert.Equal("Mining and extractive industry", entry.Category);
        Assert.DoesNotContain("Witness " + marker, anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain(WitnessContact, anonymous, StringComparison.Ordinal);

        // A signed-in member of another organisation sees the Network report and the submitted one too, the last changed first.
        var signedIn = Entries(await member.GetStringAsync("/api/v1/reports/feed.atom")).Where(e => e.Title.EndsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Published {marker}", $"Network {marker}", $"Submitted {marker}"], signedIn.Select(e => e.Title));
        Assert.True(signedIn[0].Updated >= signedIn[1].Updated && signedIn[1].Updated >= signedIn[2].Updated);
        Assert.DoesNotContain(Entries(await member.GetStringAsync("/api/v1/reports/feed.atom?category=land")), e => e.Title.EndsWith(marker, StringComparison.Ordinal));

        var khmer = await app.AnonymousClient().GetStringAsync("/api/v1/reports/feed.atom?culture=km");
        Assert.Contains("<title type=\"text\">ស្ពាន៖ របាយការណ៍</title>", khmer, StringComparison.Ordinal);
        Assert.Contains("xml:lang=\"km\"", khmer, StringComparison.Ordinal);
        Assert.Equal("ការជីកយករ៉ែ និងឧស្សាហកម្មទាញយកធនធាន · ស្អាង · 2025-03-14 · បានផ្សព្វផ្សាយ",
            Assert.Single(Entries(khmer), e => e.Title.EndsWith(marker, StringComparison.Ordinal)).Summary);

        async Task PublishAsync(Guid id)
        {
            await MoveOkAsync(author, id, "Submitted");
            foreach (var step in new[] { "UnderReview", "Verified", "Published" }) await MoveOkAsync(coordinator, id, step);
        }
    }

    [Fact]
    public async Task A_mistyped_filter_is_explained_and_the_list_offers_its_feed_in_the_pages_language()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/reports/feed.atom?category=mines");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'category' must be one of: mining", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var english = await app.AnonymousClient().GetStringAsync("/reports?category=mining");
        Assert.Matches("<link rel=\"alternate\" type=\"application/atom(\\+|&#x2B;)xml\" title=\"Spean: reports\" href=\"/api/v1/reports/feed.atom\\?category=mining\"", english);
        Assert.Contains(">Follow (Atom feed)</a>", english, StringComparison.Ordinal);
        var khmer = await app.AnonymousClient().GetStringAsync("/reports?category=mining&culture=km");
        Assert.Contains("href=\"/api/v1/reports/feed.atom?category=mining&amp;culture=km\">តាមដាន (Atom)</a>", khmer, StringComparison.Ordinal);
    }
}

public sealed class SqliteReportFeedTests(SqliteApp app) : ReportFeedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportFeedTests(PostgresApp app) : ReportFeedTests(app), IClassFixture<PostgresApp>;
