using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Campaigns.Media;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Notifications;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Campaigns.CampaignWorld;

namespace Spean.Web.Tests.Campaigns.Media;

public abstract class MediaInboxTests(MediaApp app) : IAsyncLifetime
{
    private FeedServer server = default!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static async Task<JsonElement> FollowAsync(HttpClient coordinator, string url)
    {
        using var response = await coordinator.PostAsJsonAsync("/api/v1/campaigns/media/feeds", new { url, title = "Test feed " + url[^8..] });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> PollAllAsync(HttpClient coordinator)
    {
        using var response = await coordinator.PostAsync("/api/v1/campaigns/media/feeds/poll", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, Guid campaign, bool dismissed = false) =>
        [.. (await client.GetJsonAsync($"/api/v1/campaigns/{campaign}/media?dismissed={(dismissed ? "true" : "false")}")).EnumerateArray()];

    private static string Title(JsonElement item) => item.GetProperty("title").GetString()!;

    [Fact]
    public async Task Items_holding_English_or_Khmer_keywords_land_in_the_inbox_once_however_often_the_feed_is_polled()
    {
        var world = await CreateAsync(app);
        var campaign = Id(await StartAsync(world.A, new { nameEn = "Mine action", nameKm = "សកម្មភាពមីន", template = "landmines" }));
        var rss = await FollowAsync(world.CoordinatorClientA, server.Rss);
        await FollowAsync(world.CoordinatorClientA, server.Atom);

        var first = await PollAllAsync(world.CoordinatorClientA);
        var inbox = await InboxAsync(world.A, campaign);
        var second = await PollAllAsync(world.CoordinatorClientA);
        var again = await InboxAsync(world.A, campaign);

        Assert.True(inbox.Count == 3, first.ToString());
        Assert.Equal([FeedServer.AtomTitle, FeedServer.KhmerTitle, FeedServer.EnglishTitle], inbox.Select(Title));
        Assert.Equal(["landmine"], inbox[2].GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("Two farmers were hurt by a landmine while clearing land.", inbox[2].GetProperty("summary").GetString());
        Assert.Contains("គ្រាប់បែកចង្កោម", inbox[1].GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["cluster munition"], inbox[0].GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(6, first.EnumerateArray().Sum(p => p.GetProperty("newItems").GetInt32()) + first.EnumerateArray().Sum(p => p.GetProperty("skipped").GetInt32()));
        Assert.Equal(1, first.EnumerateArray().Single(p => p.GetProperty("feedId").GetGuid() == rss.GetProperty("id").GetGuid()).GetProperty("skipped").GetInt32());
        Assert.All(second.EnumerateArray(), p => Assert.Equal(0, p.GetProperty("newItems").GetInt32()));
        Assert.Equal(inbox.Select(i => i.GetProperty("id").GetGuid()), again.Select(i => i.GetProperty("id").GetGuid()));

        var feedId = rss.GetProperty("id").GetGuid();
        var (items, told, toldB) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            return (await db.Set<MediaItem>().CountAsync(i => i.FeedId == feedId),
                await db.Set<Notification>().Where(n => n.UserId == world.MemberA.Id && n.Topic == FeedPoller.Topic.Key).ToListAsync(),
                await db.Set<Notification>().CountAsync(n => n.UserId == world.MemberB.Id && n.Topic == FeedPoller.Topic.Key));
        });
        Assert.Equal(4, items);
        var notification = Assert.Single(told);
        Assert.Equal($"/campaigns/{campaign}/media", notification.Link);
        Assert.StartsWith("3 new media item", notification.TitleEn);
        Assert.Equal(0, toldB);

        var page = await world.A.GetStringAsync($"/campaigns/{campaign}/media");
        var khmerPage = await world.A.GetStringAsync($"/campaigns/{campaign}/media?culture=km");
        Assert.Contains("<mark>landmine</mark>", page);
        Assert.Contains("<mark>គ្រាប់បែកចង្កោម</mark>", page);
        Assert.DoesNotContain(FeedServer.RiceTitle, page);
        Assert.Contains("ប្រអប់ព័ត៌មានសារព័ត៌មាន", khmerPage);
        Assert.Contains($"/campaigns/{campaign}/media", await world.A.GetStringAsync($"/campaigns/{campaign}"));
    }

    [Fact]
    public async Task A_malformed_feed_is_marked_with_its_reason_and_the_other_feeds_are_still_polled()
    {
        var world = await CreateAsync(app);
        var campaign = Id(await StartAsync(world.A, new { template = "landmines" }));
        var broken = await FollowAsync(world.CoordinatorClientA, server.Broken);
        await FollowAsync(world.CoordinatorClientA, server.Rss);

        var polls = await PollAllAsync(world.CoordinatorClientA);
        var feeds = (await world.CoordinatorClientA.GetJsonAsync("/api/v1/campaigns/media/feeds")).EnumerateArray().ToList();
        var page = await world.CoordinatorClientA.GetStringAsync("/campaigns/media/feeds?culture=km");

        var failed = feeds.Single(f => f.GetProperty("id").GetGuid() == broken.GetProperty("id").GetGuid());
        Assert.Equal("NotAFeed", failed.GetProperty("lastProblem").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("lastProblemDetail").GetString()));
        Assert.Equal("NotAFeed", polls.EnumerateArray().Single(p => p.GetProperty("feedId").GetGuid() == broken.GetProperty("id").GetGuid())
            .GetProperty("problem").GetString());
        Assert.Contains(feeds, f => f.GetProperty("id").GetGuid() != broken.GetProperty("id").GetGuid() && f.GetProperty("lastProblem").ValueKind == JsonValueKind.Null);
        Assert.Contains("មិនមែនជាប្រភពព័ត៌មាន RSS ឬ Atom ទេ", page);
        Assert.Equal(2, (await InboxAsync(world.A, campaign)).Count);
    }

    [Fact]
    public async Task An_organisation_campaign_s_inbox_is_not_found_for_another_organisation_on_the_api_and_the_page()
    {
        var world = await CreateAsync(app);
        var campaign = Id(await StartAsync(world.A, new { template = "landmines", confidentiality = "Organisation" }));
        await FollowAsync(world.CoordinatorClientA, server.Rss);
        await PollAllAsync(world.CoordinatorClientA);
        var item = (await InboxAsync(world.A, campaign))[0].GetProperty("id").GetGuid();

        using var list = await world.B.GetAsync($"/api/v1/campaigns/{campaign}/media");
        using var page = await world.B.GetAsync($"/campaigns/{campaign}/media");
        using var dismiss = await world.B.PostAsync($"/api/v1/campaigns/{campaign}/media/{item}/dismissal", null);
        using var report = await world.B.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/media/{item}/report", new { category = "landmines", adminUnitCode = "13" });
        using var statement = await world.CoordinatorClientB.PostAsync($"/api/v1/campaigns/{campaign}/media/{item}/statement", null);
        var feedsOfB = await world.CoordinatorClientB.GetJsonAsync("/api/v1/campaigns/media/feeds");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal("CampaignNotFound", (await list.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(FeedServer.EnglishTitle, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, dismiss.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, statement.StatusCode);
        Assert.Equal(0, feedsOfB.GetArrayLength());
        Assert.Single(await InboxAsync(world.A, campaign), i => Title(i) == FeedServer.EnglishTitle);
    }

    [Fact]
    public async Task Make_report_creates_one_second_hand_draft_by_the_user_and_draft_statement_one_statement_draft()
    {
        var world = await CreateAsync(app);
        var campaign = Id(await StartAsync(world.A, new { template = "landmines" }));
        await FollowAsync(world.CoordinatorClientA, server.Rss);
        await PollAllAsync(world.CoordinatorClientA);
        var inbox = await InboxAsync(world.A, campaign);
        var english = inbox.Single(i => Title(i) == FeedServer.EnglishTitle).GetProperty("id").GetGuid();
        var khmer = inbox.Single(i => Title(i) == FeedServer.KhmerTitle).GetProperty("id").GetGuid();
        var url = $"/api/v1/campaigns/{campaign}/media/{english}";

        using var noPlace = await world.A.PostAsJsonAsync(url + "/report", new { category = "landmines", adminUnitCode = "" });
        using var made = await world.A.PostAsJsonAsync(url + "/report", new { category = "landmines", adminUnitCode = "13" });
        using var retried = await world.A.PostAsJsonAsync(url + "/report", new { category = "landmines", adminUnitCode = "13" });
        using var drafted = await world.A.PostAsync(url + "/statement", null);
        using var redrafted = await world.A.PostAsync(url + "/statement", null);
        using var dismissed = await world.A.PostAsync($"/api/v1/campaigns/{campaign}/media/{khmer}/dismissal", null);

        Assert.Equal(HttpStatusCode.BadRequest, noPlace.StatusCode);
        Assert.Contains("adminUnitCode", await noPlace.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var reportId = (await made.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(reportId, (await retried.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redrafted.StatusCode);
        var statementId = (await drafted.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(statementId, (await redrafted.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);

        var (reports, statement) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            return (await db.Reports.Where(r => r.Title == FeedServer.EnglishTitle && r.AuthorId == world.MemberA.Id).ToListAsync(),
                await db.Set<Statement>().SingleAsync(s => s.Id == statementId));
        });
        var report = Assert.Single(reports);
        Assert.Equal(reportId, report.Id);
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(SourceKind.SecondHand, report.SourceKind);
        Assert.Equal(world.OrganisationA, report.OrganisationId);
        Assert.Equal(["https://news.example/landmine-blast"], report.MediaLinks);
        Assert.Contains("Two farmers were hurt", report.Narrative);
        Assert.Equal(new DateOnly(2026, 11, 30), report.OccurredFrom);
        Assert.Equal(campaign, statement.CampaignId);
        Assert.Equal(StatementStatus.Draft, statement.Status);
        Assert.Contains(FeedServer.EnglishTitle, statement.TitleEn);
        Assert.Contains("https://news.example/landmine-blast", statement.BodyEn);
        Assert.DoesNotContain(await InboxAsync(world.A, campaign), i => i.GetProperty("id").GetGuid() == khmer);
        Assert.Contains(await InboxAsync(world.A, campaign, dismissed: true), i => i.GetProperty("id").GetGuid() == khmer);
    }

    [Fact]
    public async Task On_the_pages_a_coordinator_follows_and_checks_a_feed_and_a_member_makes_a_report_of_one_item_and_dismisses_another()
    {
        var world = await CreateAsync(app);
        var campaign = Id(await StartAsync(world.A, new { template = "landmines" }));

        using var added = await world.CoordinatorClientA.SubmitAsync("/campaigns/media/feeds",
            new Dictionary<string, string> { ["NewFeed.Url"] = server.Rss, ["NewFeed.Title"] = "Provincial news" }, formName: "feed-add");
        using var refused = await world.CoordinatorClientA.SubmitAsync("/campaigns/media/feeds?culture=km",
            new Dictionary<string, string> { ["NewFeed.Url"] = "ftp://news.example/feed.xml" }, formName: "feed-add");
        using var polled = await world.CoordinatorClientA.SubmitAsync("/campaigns/media/feeds",
            new Dictionary<string, string> { ["Act"] = "all:poll" }, formName: "feed-act");
        var inbox = await InboxAsync(world.A, campaign);
        var english = inbox.Single(i => Title(i) == FeedServer.EnglishTitle).GetProperty("id").GetGuid();
        var khmer = inbox.Single(i => Title(i) == FeedServer.KhmerTitle).GetProperty("id").GetGuid();
        var reportPage = $"/campaigns/{campaign}/media?report={english}";
        var form = await world.A.GetStringAsync(reportPage);
        using var made = await world.A.SubmitAsync(reportPage, new Dictionary<string, string>
        {
            ["ToReport.Item"] = english.ToString(), ["ToReport.Category"] = "landmines", ["ToReport.Place"] = "MMR",
        }, formName: "media-report");
        using var dismissed = await world.A.SubmitAsync($"/campaigns/{campaign}/media",
            new Dictionary<string, string> { ["Act"] = $"{khmer}:dismiss" }, formName: "media-act");

        Assert.Contains("ftp://news.example/feed.xml", await refused.Content.ReadAsStringAsync());
        Assert.Contains("មិនមែនជាអាសយដ្ឋានប្រភពព័ត៌មានទេ", await refused.Content.ReadAsStringAsync());
        Assert.Contains("Provincial news", await world.CoordinatorClientA.GetStringAsync("/campaigns/media/feeds"));
        Assert.DoesNotContain("Provincial news", await world.CoordinatorClientB.GetStringAsync("/campaigns/media/feeds"));
        Assert.Contains("name=\"ToReport.Place\"", form);
        Assert.Contains("<option value=\"MMR\">Myanmar</option>", form);
        Assert.Equal(2, inbox.Count);
        var reports = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Reports
            .Where(r => r.Title == FeedServer.EnglishTitle && r.AuthorId == world.MemberA.Id).Select(r => new { r.AdminUnitCode, r.CountryIso3 }).ToListAsync());
        Assert.Equal([new { AdminUnitCode = (string?)null, CountryIso3 = (string?)"MMR" }], reports);
        Assert.Equal([english], (await InboxAsync(world.A, campaign)).Select(i => i.GetProperty("id").GetGuid()));
    }
}

public sealed class SqliteMediaInboxTests(SqliteMediaApp app) : MediaInboxTests(app), IClassFixture<SqliteMediaApp>;

public sealed class PostgresMediaInboxTests(PostgresMediaApp app) : MediaInboxTests(app), IClassFixture<PostgresMediaApp>;
