using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Web.Notifications;
using static Spean.Web.Tests.Notifications.NotificationsWorld;

namespace Spean.Web.Tests.Notifications;

/// <summary>Notifications to be e-mailed go out once, through the account e-mail's SMTP server, in both languages, with a link and nothing more.</summary>
public abstract class NotificationMailTests(NotificationMailApp app)
{
    [Fact]
    public async Task A_run_of_the_timer_reminds_and_emails_once_in_both_languages_with_an_absolute_link()
    {
        var user = await app.CreateUserAsync(Role.Coordinator);
        var key = $"follow-up:{Guid.NewGuid():N}";
        app.Services.GetRequiredService<DueReminders>().Due.Enqueue(new Reminder(FollowUps, [user.Id],
            new NotificationText($"Follow-up due tomorrow {key}", "ការតាមដានដល់កំណត់ថ្ងៃស្អែក", "/recommendations?q=land"), key));

        await RunTimerOnceAsync();
        await RunTimerOnceAsync();

        var message = await app.Mail.SingleToAsync(user.Email!, key);
        Assert.Equal($"ការតាមដានដល់កំណត់ថ្ងៃស្អែក / Follow-up due tomorrow {key}", message.Subject);
        var body = message.TextBody ?? "";
        Assert.Contains($"{NotificationMailApp.BaseUrl}/recommendations?q=land", body);
        Assert.Contains($"{NotificationMailApp.BaseUrl}/notifications/preferences", body);
        Assert.True(body.IndexOf("ការតាមដាន", StringComparison.Ordinal) < body.IndexOf("Follow-up due", StringComparison.Ordinal), "Khmer first");
        Assert.NotNull(Assert.Single(await NotificationsOfAsync(app, user.Id)).EmailedAt);
        Assert.Single(app.Mail.To(user.Email!));
    }

    [Fact]
    public async Task Only_notifications_chosen_for_email_go_out_and_never_to_a_disabled_account()
    {
        var wantsMail = await app.CreateUserAsync(Role.Member);
        var disabled = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, wantsMail.Id, "Media item shown in the app only", topic: MediaItems);
        await NotifyAsync(app, disabled.Id, "Follow-up for a cut-off account");
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            (await db.Users.SingleAsync(u => u.Id == disabled.Id)).DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        await DeliverAsync();

        Assert.Empty(app.Mail.To(wantsMail.Email!));
        Assert.Empty(app.Mail.To(disabled.Email!));
        Assert.Null(Assert.Single(await NotificationsOfAsync(app, disabled.Id)).EmailedAt);
    }

    private Task RunTimerOnceAsync() =>
        ReminderTimer.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<ILogger<NotificationMailTests>>(), CancellationToken.None);

    private Task<DeliveryResult> DeliverAsync() => app.WithScopeAsync(services => services.GetRequiredService<NotificationMail>().DeliverAsync());
}

public sealed class SqliteNotificationMailTests(SqliteNotificationMailApp app) : NotificationMailTests(app), IClassFixture<SqliteNotificationMailApp>;

public sealed class PostgresNotificationMailTests(PostgresNotificationMailApp app) : NotificationMailTests(app), IClassFixture<PostgresNotificationMailApp>;

/// <summary>A server that does not answer, and no server at all: nothing is marked e-mailed, and what cannot go is given up after a day.</summary>
public sealed class UndeliveredNotificationMailTests(UnreachableNotificationMailApp app) : IClassFixture<UnreachableNotificationMailApp>
{
    [Fact]
    public async Task A_failed_email_is_tried_again_on_the_next_run_until_it_is_a_day_old()
    {
        var user = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, user.Id, "Deadline in three days");
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            db.Add(new Notification
            {
                UserId = user.Id, Topic = FollowUps.Key, Key = "old", TitleEn = "Two days old", TitleKm = "ពីរថ្ងៃមុន",
                CreatedAt = DateTime.UtcNow.AddHours(-25), Email = true,
            });
            await db.SaveChangesAsync();
        });

        var first = await app.WithScopeAsync(services => services.GetRequiredService<NotificationMail>().DeliverAsync());
        var second = await app.WithScopeAsync(services => services.GetRequiredService<NotificationMail>().DeliverAsync());

        Assert.Equal(new DeliveryResult(0, 1, false), first);
        Assert.Equal(new DeliveryResult(0, 1, false), second);
        Assert.All(await NotificationsOfAsync(app, user.Id), n => Assert.Null(n.EmailedAt));
    }
}

public sealed class MaillessNotificationTests(SqliteNotificationsApp app) : IClassFixture<SqliteNotificationsApp>
{
    [Fact]
    public async Task Without_a_mail_server_email_notifications_wait_and_no_send_is_attempted()
    {
        var user = await app.CreateUserAsync(Role.Member);
        await NotifyAsync(app, user.Id, "Follow-up while mail is not set up");

        var result = await app.WithScopeAsync(services => services.GetRequiredService<NotificationMail>().DeliverAsync());

        Assert.Equal(new DeliveryResult(0, 0, true), result);
        var stored = Assert.Single(await NotificationsOfAsync(app, user.Id));
        Assert.True(stored.Email);
        Assert.Null(stored.EmailedAt);
    }
}
