using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Notifications;

/// <summary>Two topics another module would register, and a reminder source whose reminders each test sets.</summary>
internal static class NotificationsWorld
{
    public static readonly NotificationTopic FollowUps = new("test-follow-up-due", "Follow-ups due", "ការតាមដានដល់កំណត់", EmailByDefault: true);
    public static readonly NotificationTopic MediaItems = new("test-media-item", "New media items", "ព័ត៌មានថ្មី", EmailByDefault: false);

    public static void Configure(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddNotificationTopic(FollowUps);
        services.AddNotificationTopic(MediaItems);
        services.AddSingleton<DueReminders>();
        services.AddScoped<IReminderSource, BrokenReminders>();
        services.AddScoped<IReminderSource, QueuedReminders>();
    });

    public static Task<int> NotifyAsync(SpeanApp app, Guid userId, string title, string? link = "/recommendations", NotificationTopic? topic = null) =>
        app.WithScopeAsync(services => services.GetRequiredService<Notifier>().NotifyAsync([userId], topic ?? FollowUps,
            new NotificationText(title, "ខ្មែរ " + title, link), $"test:{Guid.NewGuid():N}"));

    public static Task<List<Notification>> NotificationsOfAsync(SpeanApp app, Guid userId) =>
        app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());

    /// <summary>What the reminder source answers on its next runs; <see cref="Broken"/> makes the other source throw.</summary>
    internal sealed class DueReminders
    {
        public ConcurrentQueue<Reminder> Due { get; } = new();
        public bool Broken { get; set; }
    }

    private sealed class QueuedReminders(DueReminders due) : IReminderSource
    {
        public async IAsyncEnumerable<Reminder> DueAsync(DateTime nowUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var reminder in due.Due.ToArray())
            {
                await Task.Yield();
                yield return reminder;
            }
        }
    }

    /// <summary>A module's source with a bug; registered first, so it runs before the good one.</summary>
    private sealed class BrokenReminders(DueReminders due) : IReminderSource
    {
        public async IAsyncEnumerable<Reminder> DueAsync(DateTime nowUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (due.Broken) throw new InvalidOperationException("reminder source bug for the test");
            yield break;
        }
    }
}

public sealed class SqliteNotificationsApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        NotificationsWorld.Configure(builder);
    }
}

public sealed class PostgresNotificationsApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        NotificationsWorld.Configure(builder);
    }
}

/// <summary>With a real SMTP server and the public address e-mailed links start with.</summary>
public abstract class NotificationMailApp : MailApp
{
    public const string BaseUrl = "https://spean.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:Notifications:PublicBaseUrl", BaseUrl + "/");
        NotificationsWorld.Configure(builder);
    }
}

public sealed class SqliteNotificationMailApp : NotificationMailApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresNotificationMailApp : NotificationMailApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>An SMTP server that does not answer: every e-mail fails.</summary>
public sealed class UnreachableNotificationMailApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:Mail:Host", "127.0.0.1");
        builder.UseSetting("Spean:Mail:Port", TestMailServer.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Spean:Mail:Security", "None");
        builder.UseSetting("Spean:Mail:From", "spean@example.org");
        NotificationsWorld.Configure(builder);
    }
}
