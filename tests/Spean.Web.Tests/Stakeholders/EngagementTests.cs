using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Stakeholders;

/// <summary>The engagement log: participants one may not see stay unnamed, linked reports follow their own rule, follow-ups reach their owner.</summary>
public abstract class EngagementTests(SpeanApp app)
{
    private static readonly string[] Topics = ["land", "titling"];

    private static async Task<JsonElement> RecordOkAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync($"{Api}/engagements", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_meeting_shows_latest_first_with_a_restricted_contact_unnamed_and_its_follow_up_pending_for_its_owner()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (owner, ownerClient) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, b);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ministry = await AddAsync(author, new { kind = "Ministry", nameLatin = "Ministry of Land Management", nameKhmer = "ក្រសួងរៀបចំដែនដី", level = "National", confidentiality = "Public" });
        var official = await AddAsync(author, new { kind = "Person", nameLatin = "Official " + marker, confidentiality = "Network" });
        var source = await AddAsync(author, Person("SRC" + marker, "Restricted"));
        var hiddenReport = await FileAsync(author, Input("Eviction at Prame " + marker, "Organisation"));
        var recommendation = await RecommendationAsync(app);

        await RecordOkAsync(author, new { kind = "Letter", date = "2025-01-10", subject = "Letter on titling", organisationIds = new[] { ministry }, confidentiality = "Network" });
        var meeting = await RecordOkAsync(author, new
        {
            kind = "Meeting", date = "2025-03-02", subject = "Meeting on the Prame land dispute", topics = Topics,
            participantIds = new[] { official, source }, organisationIds = new[] { ministry }, recommendationIds = new[] { recommendation },
            reportIds = new[] { hiddenReport }, campaignIds = new[] { Guid.Parse("01936b2e-0000-7000-8000-000000000001") },
            agreed = "The ministry will send a cadastral team " + marker, confidentiality = "Network",
            followUps = new[] { new { action = "Send the map of the disputed plots", ownerId = owner.Id, due = "2025-03-20" } },
        });
        Assert.Equal(2, meeting.GetProperty("participants").GetArrayLength());

        var mine = await author.GetJsonAsync($"{Api}/{ministry}/engagements");
        var subjects = mine.GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("subject").GetString()).ToList();
        Assert.Equal(["Meeting on the Prame land dispute", "Letter on titling"], subjects);
        Assert.Equal("Send the map of the disputed plots", Assert.Single(mine.GetProperty("pending").EnumerateArray()).GetProperty("action").GetString());

        var theirs = await outsider.GetJsonAsync($"{Api}/{ministry}/engagements");
        var seen = theirs.GetProperty("engagements")[0];
        var participants = seen.GetProperty("participants").EnumerateArray().ToList();
        Assert.Contains(participants, p => p.GetProperty("restricted").GetBoolean() && p.GetProperty("id").ValueKind == JsonValueKind.Null);
        Assert.Contains(participants, p => !p.GetProperty("restricted").GetBoolean() && p.GetProperty("id").GetGuid() == official);
        Assert.Equal(0, seen.GetProperty("reports").GetArrayLength());
        var text = theirs.GetRawText();
        Assert.DoesNotContain("SRC" + marker, text);
        Assert.DoesNotContain(source.ToString(), text);
        Assert.DoesNotContain("Eviction at Prame", text);
        using (var hidden = await outsider.GetAsync($"{Api}/{source}/engagements"))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var visitor = await app.AnonymousClient().GetJsonAsync($"{Api}/{ministry}/engagements");
        Assert.Equal(0, visitor.GetProperty("engagements").GetArrayLength());

        var pending = await ownerClient.GetJsonAsync($"{Api}/follow-ups");
        var followUp = Assert.Single(pending.EnumerateArray());
        using (var done = await ownerClient.PutAsJsonAsync($"{Api}/follow-ups/{followUp.GetProperty("id").GetGuid()}/done", new { done = true }))
            Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(0, (await ownerClient.GetJsonAsync($"{Api}/follow-ups")).GetArrayLength());
        Assert.Equal(0, (await author.GetJsonAsync($"{Api}/{ministry}/engagements")).GetProperty("pending").GetArrayLength());
    }

    [Fact]
    public async Task Participants_reports_and_owners_the_author_may_not_see_are_refused_by_name()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, other) = await PersonAsync(app, Role.Member, b);
        var (outsiderUser, _) = await PersonAsync(app, Role.Member, b);
        var theirs = await AddAsync(other, Person("THEIRS" + Guid.NewGuid().ToString("N")[..6], "Organisation"));
        var theirReport = await FileAsync(other, Input("Their report", "Organisation"));
        await MoveOkAsync(other, theirReport, "Submitted");

        using var response = await author.PostAsJsonAsync($"{Api}/engagements", new
        {
            kind = "Call", date = "2025-02-01", subject = "A call", participantIds = new[] { theirs }, reportIds = new[] { theirReport },
            confidentiality = "Organisation",
            followUps = new[] { new { action = "Call back", ownerId = outsiderUser.Id, due = "2025-02-10" } },
        });
        var codes = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("codes");
        Assert.Equal("UnknownParticipant", codes.GetProperty("participantIds").GetString());
        Assert.Equal("UnknownReport", codes.GetProperty("reportIds").GetString());
        using var owners = await author.PostAsJsonAsync($"{Api}/engagements", new
        {
            kind = "Call", date = "2025-02-01", subject = "A call", confidentiality = "Organisation",
            followUps = new[] { new { action = "Call back", ownerId = outsiderUser.Id, due = "2025-02-10" } },
        });
        Assert.Equal("OwnerMayNotSee", (await ProblemAsync(owners, HttpStatusCode.BadRequest)).GetProperty("codes").GetProperty("followUps[0].ownerId").GetString());
    }

    [Fact]
    public async Task The_owner_is_reminded_once_of_a_follow_up_due_tomorrow_without_its_words()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (owner, _) = await PersonAsync(app, Role.Member, a);
        var today = await app.WithScopeAsync(services => Task.FromResult(DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));
        var marker = Guid.NewGuid().ToString("N")[..8];
        await RecordOkAsync(author, new
        {
            kind = "Call", date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subject = "Call " + marker, confidentiality = "Organisation",
            followUps = new object[]
            {
                new { action = "Soon " + marker, ownerId = owner.Id, due = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                new { action = "Later " + marker, ownerId = owner.Id, due = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            },
        });

        async Task<List<Notification>> RunAsync() => await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<ReminderRun>().RunAsync();
            return await services.GetRequiredService<SpeanDbContext>().Set<Notification>().AsNoTracking().Where(n => n.UserId == owner.Id).ToListAsync();
        });

        var first = Assert.Single(await RunAsync());
        Assert.Equal("follow-up-due", first.Topic);
        Assert.Equal("/stakeholders/follow-ups", first.Link);
        Assert.DoesNotContain(marker, first.TitleEn + first.TitleKm);
        Assert.Single(await RunAsync());
    }
}

public sealed class SqliteEngagementTests(SqliteApp app) : EngagementTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEngagementTests(PostgresApp app) : EngagementTests(app), IClassFixture<PostgresApp>;
