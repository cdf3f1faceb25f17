using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Notifications;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Notifications.NotificationsWorld;

namespace Spean.Web.Tests.Notifications;

/// <summary>Each user reads and marks their own notifications and nobody else's, through the API.</summary>
public abstract class NotificationsApiTests(SpeanApp app)
{
    [Fact]
    public async Task The_list_holds_only_the_callers_own_notifications_newest_first_with_the_unread_count()
    {
        var alice = await app.CreateUserAsync(Role.Member);
        var bob = await app.CreateUserAsync(Role.Coordinator);
        await NotifyAsync(app, alice.Id, "First for Alice");
        await NotifyAsync(app, alice.Id, "Second for Alice");
        await NotifyAsync(app, bob.Id, "Only for Bob");

        var list = await (await app.ClientForAsync(alice)).GetJsonAsync("/api/v1/notifications");
        var titles = list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("titleEn").GetString()).ToList();
        Assert.Equal(["Second for Alice", "First for Alice"], titles);
        Assert.Equal(2, list.GetProperty("unread").GetInt32());
        Assert.Equal("ខ្មែរ First for Alice", list.GetProperty("items")[1].GetProperty("titleKm").GetString());
        Assert.Equal(FollowUps.Key, list.GetProperty("items")[0].GetProperty("topic").GetString());
    }

    [Fact]
    public async Task Another_users_notification_answers_404_and_stays_unread()
    {
        var alice = await app.CreateUserAsync(Role.Administrator);
        var bob = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, bob.Id, "Bob's deadline");
        var bobs = (await NotificationsOfAsync(app, bob.Id)).Single();

        using var client = await app.ClientForAsync(alice);
        using var response = await client.PostAsync($"/api/v1/notifications/{bobs.Id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no notification with the id", await response.Content.ReadAsStringAsync());
        using var open = await client.GetAsync($"/notifications/{bobs.Id}/open");
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.DoesNotContain("Bob&#x27;s deadline", await open.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Bob's deadline", (await client.GetJsonAsync("/api/v1/notifications")).ToString());
        Assert.Null((await NotificationsOfAsync(app, bob.Id)).Single().ReadAt);
    }

    [Fact]
    public async Task Marking_one_and_all_read_touches_only_the_callers_notifications()
    {
        var alice = await app.CreateUserAsync(Role.Member);
        var bob = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, alice.Id, "A1");
        await NotifyAsync(app, alice.Id, "A2");
        await NotifyAsync(app, alice.Id, "A3");
        await NotifyAsync(app, bob.Id, "B1");
        var first = (await NotificationsOfAsync(app, alice.Id))[0];
        using var client = await app.ClientForAsync(alice);

        using (var one = await client.PostAsync($"/api/v1/notifications/{first.Id}/read", null))
            Assert.Equal(HttpStatusCode.NoContent, one.StatusCode);
        Assert.Equal(2, (await client.GetJsonAsync("/api/v1/notifications?unread=true")).GetProperty("total").GetInt32());

        using var all = await client.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(2, (await all.ReadJsonAsync()).GetProperty("marked").GetInt32());
        Assert.All(await NotificationsOfAsync(app, alice.Id), n => Assert.NotNull(n.ReadAt));
        Assert.Null((await NotificationsOfAsync(app, bob.Id)).Single().ReadAt);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_a_sign_in_redirect_from_the_pages()
    {
        var anonymous = app.AnonymousClient();
        foreach (var (method, path) in new[] { ("GET", "/api/v1/notifications"), ("POST", $"/api/v1/notifications/{Guid.NewGuid()}/read"),
                     ("POST", "/api/v1/notifications/read-all"), ("GET", "/api/v1/notifications/preferences"), ("PUT", "/api/v1/notifications/preferences") })
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
        }
        foreach (var page in new[] { "/notifications", "/notifications/preferences", $"/notifications/{Guid.NewGuid()}/open" })
        {
            using var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Every_notifications_operation_is_in_the_openapi_document_with_a_summary()
    {
        var paths = (await app.AnonymousClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        foreach (var (path, method) in new[] { ("/api/v1/notifications", "get"), ("/api/v1/notifications/{id}/read", "post"),
                     ("/api/v1/notifications/read-all", "post"), ("/api/v1/notifications/preferences", "get"), ("/api/v1/notifications/preferences", "put") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path}");
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{method} {path} has no typed success");
        }
        Assert.False(paths.TryGetProperty("/notifications/{id}/open", out _));
    }

    [Fact]
    public async Task Bad_paging_is_refused_with_what_to_change()
    {
        using var client = await app.ClientForAsync(Role.Member);
        using var response = await client.GetAsync("/api/v1/notifications?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'pageSize' is between 1 and 100", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preferences_list_every_registered_topic_and_the_notifier_follows_what_was_chosen()
    {
        var user = await app.CreateUserAsync(Role.Member);
        using var client = await app.ClientForAsync(user);
        var before = await client.GetJsonAsync("/api/v1/notifications/preferences");
        var followUps = before.EnumerateArray().Single(t => t.GetProperty("topic").GetString() == FollowUps.Key);
        Assert.True(followUps.GetProperty("inApp").GetBoolean());
        Assert.True(followUps.GetProperty("email").GetBoolean());
        Assert.Equal("ការតាមដានដល់កំណត់", followUps.GetProperty("nameKm").GetString());
        Assert.False(before.EnumerateArray().Single(t => t.GetProperty("topic").GetString() == MediaItems.Key).GetProperty("email").GetBoolean());

        using (var unknown = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { topics = new[] { new { topic = "no-such-topic", inApp = true, email = true } } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            var problem = await unknown.ReadJsonAsync();
            Assert.Equal("UnknownTopic", problem.GetProperty("code").GetString());
            Assert.Contains(FollowUps.Key, problem.GetProperty("detail").GetString());
        }
        using (var saved = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new
        {
            topics = new[] { new { topic = FollowUps.Key, inApp = false, email = true }, new { topic = MediaItems.Key, inApp = false, email = false } },
        }))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await NotifyAsync(app, user.Id, "Follow-up by e-mail only");
        await NotifyAsync(app, user.Id, "Media item nobody wants", topic: MediaItems);
        var stored = Assert.Single(await NotificationsOfAsync(app, user.Id));
        Assert.Equal("Follow-up by e-mail only", stored.TitleEn);
        Assert.True(stored.Email);
        Assert.NotNull(stored.ReadAt);
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/notifications")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_failing_reminder_source_is_logged_and_the_other_sources_still_notify()
    {
        var user = await app.CreateUserAsync(Role.Coordinator);
        var due = app.Services.GetRequiredService<DueReminders>();
        var key = $"follow-up:{Guid.NewGuid():N}";
        due.Due.Enqueue(new Reminder(FollowUps, [user.Id], new NotificationText("Follow-up due tomorrow", "ការតាមដានដល់កំណត់ថ្ងៃស្អែក", "/recommendations"), key));
        due.Broken = true;
        try
        {
            await app.WithScopeAsync(services => services.GetRequiredService<ReminderRun>().RunAsync());
            await app.WithScopeAsync(services => services.GetRequiredService<ReminderRun>().RunAsync());
        }
        finally
        {
            due.Broken = false;
        }

        var stored = Assert.Single(await NotificationsOfAsync(app, user.Id));
        Assert.Equal(key, stored.Key);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("BrokenReminders failed", StringComparison.Ordinal));
    }
}

public sealed class SqliteNotificationsApiTests(SqliteNotificationsApp app) : NotificationsApiTests(app), IClassFixture<SqliteNotificationsApp>;

public sealed class PostgresNotificationsApiTests(PostgresNotificationsApp app) : NotificationsApiTests(app), IClassFixture<PostgresNotificationsApp>;
