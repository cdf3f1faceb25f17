using System.Net;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Notifications.NotificationsWorld;

namespace Spean.Web.Tests.Notifications;

/// <summary>The bell, the list with its forms, opening a notification and the preferences page, in both languages.</summary>
public abstract class NotificationPagesTests(SpeanApp app)
{
    [Fact]
    public async Task The_bell_counts_unread_the_list_marks_them_and_a_form_marks_one_read()
    {
        var user = await app.CreateUserAsync(Role.Member);
        var other = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, user.Id, "Deadline in seven days");
        await NotifyAsync(app, user.Id, "Follow-up due");
        await NotifyAsync(app, other.Id, "Someone else's reminder");
        using var client = await app.ClientForAsync(user);

        var html = await client.GetStringAsync("/notifications");
        Assert.Contains("aria-label=\"Notifications: 2 unread\"", html);
        Assert.Contains("Deadline in seven days", html);
        Assert.Contains("class=\"unread\"", html);
        Assert.DoesNotContain("Someone else", html);
        Assert.True(html.IndexOf("Follow-up due", StringComparison.Ordinal) < html.IndexOf("Deadline in seven days", StringComparison.Ordinal), "newest first");

        var first = (await NotificationsOfAsync(app, user.Id))[0];
        using (var read = await client.SubmitAsync("/notifications", new Dictionary<string, string>(), formName: $"read-{first.Id}"))
            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.NotNull((await NotificationsOfAsync(app, user.Id))[0].ReadAt);
        Assert.Contains("aria-label=\"Notifications: 1 unread\"", await client.GetStringAsync("/"));

        var km = await client.GetStringAsync("/notifications?culture=km");
        Assert.Contains("ខ្មែរ Follow-up due", km);
        Assert.Contains("សម្គាល់ថាបានអានទាំងអស់", km);
        Assert.DoesNotContain("Mark all read", km);

        using (var all = await client.SubmitAsync("/notifications", new Dictionary<string, string>(), formName: "read-all"))
            Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.All(await NotificationsOfAsync(app, user.Id), n => Assert.NotNull(n.ReadAt));
        Assert.Null((await NotificationsOfAsync(app, other.Id)).Single().ReadAt);
        Assert.Contains("aria-label=\"Notifications: none unread\"", await client.GetStringAsync("/notifications"));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_page_inside_spean_only()
    {
        var user = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, user.Id, "Go to the recommendations", link: "/recommendations?q=land");
        await NotifyAsync(app, user.Id, "A link that leaves Spean", link: "//evil.example/phish");
        var (inside, outside) = (await NotificationsOfAsync(app, user.Id)) switch { var l => (l[0], l[1]) };
        using var client = await app.ClientForAsync(user);

        var html = await client.GetStringAsync("/notifications");
        Assert.Contains($"href=\"/notifications/{inside.Id}/open\"", html);
        Assert.DoesNotContain("evil.example", html);
        Assert.DoesNotContain($"/notifications/{outside.Id}/open", html);

        using var open = await client.GetAsync($"/notifications/{inside.Id}/open");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/recommendations?q=land", Local(open));
        Assert.NotNull((await NotificationsOfAsync(app, user.Id))[0].ReadAt);

        using var crafted = await client.GetAsync($"/notifications/{outside.Id}/open");
        Assert.Equal("/notifications", Local(crafted));
    }

    private static string Local(HttpResponseMessage redirect)
    {
        var location = new Uri(new Uri("http://localhost"), redirect.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    [Fact]
    public async Task The_preferences_page_saves_each_topic_ticked_or_not()
    {
        var user = await app.CreateUserAsync(Role.Viewer);
        using var client = await app.ClientForAsync(user);
        var html = await client.GetStringAsync("/notifications/preferences");
        Assert.Contains("Follow-ups due", html);
        Assert.Contains("New media items", html);
        Assert.Contains("ការតាមដានដល់កំណត់", await client.GetStringAsync("/notifications/preferences?culture=km"));

        var form = await client.PrepareAsync("/notifications/preferences");
        using var response = await client.PostAsync("/notifications/preferences", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.Token), new("_handler", form.Handler),
            new("inapp", MediaItems.Key), new("email", MediaItems.Key),
        ]));
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Contains("Your choices are saved.", await response.Content.ReadAsStringAsync());

        var saved = await client.GetJsonAsync("/api/v1/notifications/preferences");
        var followUps = saved.EnumerateArray().Single(t => t.GetProperty("topic").GetString() == FollowUps.Key);
        var media = saved.EnumerateArray().Single(t => t.GetProperty("topic").GetString() == MediaItems.Key);
        Assert.False(followUps.GetProperty("inApp").GetBoolean());
        Assert.False(followUps.GetProperty("email").GetBoolean());
        Assert.True(media.GetProperty("inApp").GetBoolean());
        Assert.True(media.GetProperty("email").GetBoolean());
        Assert.Equal(0, await NotifyAsync(app, user.Id, "Not wanted at all"));
    }

    [Fact]
    public async Task Visitors_see_no_bell()
    {
        var html = await app.AnonymousClient().GetStringAsync("/");
        Assert.DoesNotContain("data-testid=\"bell\"", html);
    }
}

public sealed class SqliteNotificationPagesTests(SqliteNotificationsApp app) : NotificationPagesTests(app), IClassFixture<SqliteNotificationsApp>;

public sealed class PostgresNotificationPagesTests(PostgresNotificationsApp app) : NotificationPagesTests(app), IClassFixture<PostgresNotificationsApp>;
