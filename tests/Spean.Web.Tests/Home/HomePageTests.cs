using System.Net;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Notifications;
using static Spean.Web.Tests.Implementation.AssessmentApiTests;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Home;

/// <summary>The signed-in home page shows what awaits the reader and their organisation's latest work, under each module's access rule.</summary>
public abstract class HomePageTests(SpeanApp app)
{
    [Fact]
    public async Task A_coordinator_sees_reports_to_review_without_a_restricted_one_they_were_not_named_on_in_list_or_count()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var a = await OrganisationAsync(app, "Alpha");
        var b = await OrganisationAsync(app, "Beta");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var (named, namedClient) = await PersonAsync(app, Role.Coordinator, a);
        var (_, other) = await PersonAsync(app, Role.Member, b);
        var network = await FileAsync(member, Input($"Network eviction {tag}", "Network"));
        var restricted = await FileAsync(member, Input($"Restricted source {tag}", "Restricted", readers: [named.Id]));
        var elsewhere = await FileAsync(other, Input($"Beta's eviction {tag}", "Network"));
        var draft = await FileAsync(member, Input($"Draft not yet sent {tag}", "Network"));
        foreach (var (client, id) in new[] { (member, network), (member, restricted), (other, elsewhere) })
            await MoveOkAsync(client, id, "Submitted");

        var home = await coordinator.GetStringAsync("/");
        Assert.Contains("What awaits you", home);
        Assert.Contains("Reports to review (1)", home);
        Assert.Contains($"href=\"/reports/{network}\"", home);
        Assert.DoesNotContain($"Restricted source {tag}", home);
        Assert.DoesNotContain(restricted.ToString(), home);
        Assert.DoesNotContain($"Beta&#x27;s eviction {tag}", home);
        Assert.DoesNotContain($"Draft not yet sent {tag}", home);
        Assert.DoesNotContain(draft.ToString(), home);
        Assert.DoesNotContain("class=\"cards\"", home);

        var namedHome = await namedClient.GetStringAsync("/");
        Assert.Contains("Reports to review (2)", namedHome);
        Assert.Contains($"Restricted source {tag}", namedHome);

        var memberHome = await member.GetStringAsync("/");
        Assert.DoesNotContain("Reports to review", memberHome);
        Assert.Contains("Latest reports", memberHome);
        Assert.Contains($"Restricted source {tag}", memberHome);

        var km = await coordinator.GetStringAsync("/?culture=km");
        Assert.Contains("អ្វីដែលកំពុងរង់ចាំអ្នក", km);
        Assert.Contains("របាយការណ៍ត្រូវពិនិត្យ (1)", km);
        Assert.DoesNotContain("What awaits you", km);
    }

    [Fact]
    public async Task The_home_page_shows_unread_notifications_and_the_organisations_latest_assessments_and_visitors_the_reference_links()
    {
        var a = await OrganisationAsync(app, "Alpha");
        var (user, client) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Beta"));
        await NotificationsWorld.NotifyAsync(app, user.Id, "Submission deadline in seven days");
        var recommendation = await RecommendationAsync(app);
        await RecordOkAsync(client, new { recommendationIds = new[] { recommendation }, status = "PartiallyImplemented", asOf = "2025-02-10" });

        var home = await client.GetStringAsync("/");
        Assert.Contains("Unread notifications (1)", home);
        Assert.Contains("Submission deadline in seven days", home);
        Assert.Contains("Latest assessments", home);
        Assert.Contains($"href=\"/recommendations/{recommendation}\"", home);
        Assert.Contains("Partially implemented", home);
        Assert.DoesNotContain($"href=\"/recommendations/{recommendation}\"", await outsider.GetStringAsync("/"));

        using var visitor = await app.AnonymousClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
        var visitorHome = await visitor.Content.ReadAsStringAsync();
        Assert.Contains("class=\"cards\"", visitorHome);
        Assert.DoesNotContain("What awaits you", visitorHome);
    }
}

public sealed class SqliteHomePageTests(SqliteNotificationsApp app) : HomePageTests(app), IClassFixture<SqliteNotificationsApp>;

public sealed class PostgresHomePageTests(PostgresNotificationsApp app) : HomePageTests(app), IClassFixture<PostgresNotificationsApp>;
