using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Pages;

/// <summary>The language cookie's year runs on the app's clock, like every other time the app writes.</summary>
public sealed class LanguageCookieTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FixedClockApp app = new();

    [Fact]
    public async Task The_language_cookie_expires_a_year_after_the_apps_clock()
    {
        using var switched = await app.AnonymousClient().GetAsync("/culture/km?returnUrl=%2F");

        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.Contains("expires=Sun, 01 Jun 2031 08:00:00 GMT", cookie, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FixedClockApp : SpeanApp
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock()));
        }
    }
}
