using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Stakeholders;

/// <summary>A follow-up is on its owner's calendar and feeds, and on no one else's; a Restricted engagement's says only that something is due.</summary>
public abstract class FollowUpCalendarTests(SpeanApp app)
{
    [Fact]
    public async Task An_open_follow_up_is_on_its_owner_s_calendar_only_and_a_restricted_one_does_not_say_what()
    {
        var a = await OrganisationAsync(app, "A");
        var (owner, ownerClient) = await PersonAsync(app, Role.Member, a);
        var (colleague, _) = await PersonAsync(app, Role.Coordinator, a);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var due = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var official = await AddAsync(ownerClient, new { kind = "Person", nameLatin = "Official " + marker, confidentiality = "Network" });
        foreach (var (confidentiality, action) in new[] { ("Network", "Send the map " + marker), ("Restricted", "Call the source " + marker) })
        {
            using var recorded = await ownerClient.PostAsJsonAsync($"{Api}/engagements", new
            {
                kind = "Meeting", date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subject = "Meeting " + marker,
                participantIds = new[] { official }, confidentiality, followUps = new[] { new { action, ownerId = owner.Id, due } },
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        var (mine, theirs) = await app.WithScopeAsync(async services =>
        {
            var sources = services.GetServices<ICalendarSource>().ToList();
            async Task<List<CalendarEvent>> Feed(Viewer viewer)
            {
                var all = new List<CalendarEvent>();
                foreach (var source in sources)
                    await foreach (var e in source.EventsAsync(viewer, today, today.AddMonths(1), null, default)) all.Add(e);
                return all.Where(e => e.Category == "follow-up").ToList();
            }
            return (await Feed(new Viewer(owner.Id, Role.Member, a)), await Feed(new Viewer(colleague.Id, Role.Coordinator, a)));
        });
        var page = await ownerClient.GetStringAsync("/calendar");

        Assert.Equal(2, mine.Count);
        Assert.Contains(mine, e => e.TitleEn == $"Follow-up: Send the map {marker}" && e.Date == today.AddDays(3));
        Assert.Contains(mine, e => e.TitleEn == "A follow-up is due");
        Assert.DoesNotContain(mine, e => e.TitleEn.Contains("Call the source", StringComparison.Ordinal) || e.TitleKm.Contains("Call the source", StringComparison.Ordinal));
        Assert.Empty(theirs);
        Assert.Contains($"Send the map {marker}", page);
        Assert.DoesNotContain($"Call the source {marker}", page);
    }
}

public sealed class SqliteFollowUpCalendarTests(SqliteApp app) : FollowUpCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFollowUpCalendarTests(PostgresApp app) : FollowUpCalendarTests(app), IClassFixture<PostgresApp>;
