using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Calendar;

public abstract partial class CalendarFeedTests(CalendarApp app)
{
    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text)!;

    private async Task PutReviewAsync(string state, object body)
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        using var response = await coordinator.PutAsJsonAsync($"/api/v1/submissions/calendar/{state}/4", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(SpeanUser User, HttpClient Client, string Token)> UserWithFeedAsync(string language = "en")
    {
        var user = await app.CreateUserAsync(Role.Member);
        var client = await app.ClientForAsync(user);
        using var response = await client.SubmitAsync("/calendar", new Dictionary<string, string> { ["Language"] = language }, formName: "new-feed");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var address = FeedAddress().Match(html);
        Assert.True(address.Success, "The page shows no new calendar address.");
        return (user, client, address.Groups[1].Value);
    }

    [GeneratedRegex(@"/calendar/feed/([A-Za-z0-9_-]{43})\.ics")]
    private static partial Regex FeedAddress();

    [Fact]
    public async Task A_States_feed_parses_back_with_stable_UIDs_the_deadline_at_its_UTC_instant_and_the_other_dates_as_whole_days()
    {
        await PutReviewAsync("LAO", new { session = 52, reviewDate = "2026-06-10", submissionDeadline = "2025-11-20" });

        using var response = await app.AnonymousClient().GetAsync("/calendar/states/LAO.ics?lang=km");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Parse(await response.Content.ReadAsStringAsync());

        var events = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(["upr-lao-4-adoption@spean", "upr-lao-4-deadline@spean", "upr-lao-4-midterm@spean", "upr-lao-4-presession@spean", "upr-lao-4-review@spean"],
            events.Keys.Order(StringComparer.Ordinal));
        var deadline = events["upr-lao-4-deadline@spean"].DtStart!;
        Assert.True(deadline.HasTime);
        Assert.True(deadline.IsUtc);
        // Noon in Geneva in November is CET, UTC+1.
        Assert.Equal(new DateTime(2025, 11, 20, 11, 0, 0), deadline.Value);
        var review = events["upr-lao-4-review@spean"];
        Assert.False(review.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 6, 10), DateOnly.FromDateTime(review.DtStart.Value));
        Assert.StartsWith("ឡាវ", review.Summary);
        Assert.Contains("សម័យប្រជុំទី៥២", review.Summary);
        Assert.EndsWith("(ប៉ាន់ស្មាន)", events["upr-lao-4-adoption@spean"].Summary);
        Assert.Equal(new DateOnly(2026, 11, 10), DateOnly.FromDateTime(events["upr-lao-4-adoption@spean"].DtStart!.Value));
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith("private-", StringComparison.Ordinal));

        await PutReviewAsync("LAO", new { session = 52, reviewDate = "2026-06-12", submissionDeadline = "2025-11-20" });
        var moved = Parse(await app.AnonymousClient().GetStringAsync("/calendar/states/LAO.ics"));
        var again = moved.Events.Single(e => e.Uid == "upr-lao-4-review@spean");
        Assert.Equal(new DateOnly(2026, 6, 12), DateOnly.FromDateTime(again.DtStart!.Value));
        Assert.StartsWith("Lao", again.Summary);
    }

    [Fact]
    public async Task A_personal_feed_shows_its_owners_own_dates_and_never_another_users()
    {
        var (alice, _, aliceToken) = await UserWithFeedAsync();
        var (bob, _, bobToken) = await UserWithFeedAsync("km");
        var anonymous = app.AnonymousClient();

        using var response = await anonymous.GetAsync($"/calendar/feed/{aliceToken}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var aliceFeed = Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(aliceFeed.Events, e => e.Summary == CalendarApp.PrivateTitle(alice.Id));
        Assert.DoesNotContain(aliceFeed.Events, e => e.Summary!.Contains(bob.Id.ToString(), StringComparison.Ordinal));
        // Cambodia's shipped fourth-cycle review: its mid-term report, estimated two years after 8 May 2024, is public.
        Assert.Contains(aliceFeed.Events, e => e.Uid == "upr-khm-4-midterm@spean");

        var bobFeed = Parse(await anonymous.GetStringAsync($"/calendar/feed/{bobToken}.ics"));
        Assert.Contains(bobFeed.Events, e => e.Summary == $"ឯកជន {bob.Id}");
        Assert.DoesNotContain(bobFeed.Events, e => e.Summary!.Contains(alice.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(bobFeed.Events, e => e.Uid == "upr-khm-4-midterm@spean" && e.Summary!.StartsWith("កម្ពុជា", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feeds_last_use_is_written_at_most_once_a_minute_however_often_a_calendar_app_polls_it()
    {
        var (user, _, token) = await UserWithFeedAsync();
        var anonymous = app.AnonymousClient();
        async Task<DateTime?> FetchAsync()
        {
            using var response = await anonymous.GetAsync($"/calendar/feed/{token}.ics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Set<CalendarFeed>().AsNoTracking()
                .Where(f => f.UserId == user.Id).Select(f => f.LastUsedAt).SingleAsync());
        }

        var first = await FetchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var halfAMinuteLater = await FetchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var aMinuteLater = await FetchAsync();

        Assert.NotNull(first);
        Assert.Equal(first, halfAMinuteLater);
        Assert.True(aMinuteLater >= first + TimeSpan.FromSeconds(61), $"written again after a minute: {first:O} then {aMinuteLater:O}");
    }

    [Fact]
    public async Task A_revoked_or_unknown_address_is_not_found_and_only_the_tokens_hash_is_stored()
    {
        var (user, client, token) = await UserWithFeedAsync();
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/feed/{token}.ics")).StatusCode);

        var feed = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Set<CalendarFeed>().AsNoTracking().SingleAsync(f => f.UserId == user.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), feed.TokenHash);
        Assert.NotNull(feed.LastUsedAt);

        var other = await app.ClientForAsync(Role.Member);
        using var foreign = await other.SubmitAsync("/calendar", new Dictionary<string, string>(), formName: $"revoke-{feed.Id}");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/feed/{token}.ics")).StatusCode);

        using var revoked = await client.SubmitAsync("/calendar", new Dictionary<string, string>(), formName: $"revoke-{feed.Id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.DoesNotContain($"data-feed=\"{feed.Id}\"", await revoked.Content.ReadAsStringAsync());

        using var gone = await anonymous.GetAsync($"/calendar/feed/{token}.ics");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("revoked or never existed", await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/feed/{new string('A', 43)}.ics")).StatusCode);
    }

    [Fact]
    public async Task The_calendar_page_lists_the_users_dates_by_month_with_category_and_link_in_Khmer_and_asks_strangers_to_sign_in()
    {
        var user = await app.CreateUserAsync(Role.Viewer);
        var client = await app.ClientForAsync(user);

        var html = await client.GetStringAsync("/calendar?culture=km");
        Assert.Contains("ខែមករា ឆ្នាំ២០២៦", html);
        Assert.Contains("ថ្ងៃទី២៥ ខែមករា ឆ្នាំ២០២៦", html);
        Assert.Contains($"ឯកជន {user.Id}", html);
        Assert.Contains("ខែឧសភា ឆ្នាំ២០២៦", html);
        Assert.Contains("href=\"/submissions/calendar/KHM\"", html);

        using var stranger = await app.AnonymousClient().GetAsync("/calendar");
        Assert.Contains(stranger.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.Unauthorized });
    }
}

public sealed class SqliteCalendarFeedTests(SqliteCalendarApp app) : CalendarFeedTests(app), IClassFixture<SqliteCalendarApp>;

public sealed class PostgresCalendarFeedTests(PostgresCalendarApp app) : CalendarFeedTests(app), IClassFixture<PostgresCalendarApp>;
