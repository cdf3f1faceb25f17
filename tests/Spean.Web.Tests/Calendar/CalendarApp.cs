using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Calendar;

/// <summary>
/// The app on a fixed day, with one more calendar source that gives each signed-in viewer a private date of their own, as
/// a campaign's actions would: what proves that a feed shows its owner's dates and nobody else's.
/// </summary>
public abstract class CalendarApp : SpeanApp
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddScoped<ICalendarSource, PrivateDates>();
        });
    }

    /// <summary>Stays on <see cref="Now"/> unless a test moves it on.</summary>
    public FixedClock Clock { get; } = new();

    public static string PrivateTitle(Guid userId) => $"Private date of {userId}";

    public sealed class FixedClock : TimeProvider
    {
        private TimeSpan moved;

        public override DateTimeOffset GetUtcNow() => Now + moved;

        public void Advance(TimeSpan by) => moved += by;
    }

    private sealed class PrivateDates : ICalendarSource
    {
        public async IAsyncEnumerable<CalendarEvent> EventsAsync(Viewer viewer, DateOnly first, DateOnly last, string? stateIso3,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            if (viewer.UserId is not { } user || stateIso3 is not null) yield break;
            yield return new CalendarEvent($"private-{user}@test", "test", PrivateTitle(user), $"ឯកជន {user}", first.AddDays(10), null, "/calendar");
        }
    }
}

public sealed class SqliteCalendarApp : CalendarApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresCalendarApp : CalendarApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
