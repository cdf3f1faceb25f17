using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Campaigns.Treaties;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Core.Taxonomies;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Campaigns.CampaignWorld;

namespace Spean.Web.Tests.Campaigns;

public abstract class TreatyAndStatementTests(SpeanApp app)
{
    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string treaty, string csv, string fileName = "membership.csv")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        return await client.PostAsync($"/api/v1/campaigns/treaties/{treaty}/import", form);
    }

    // Each test names a State of its own, so the tests sharing one database do not see each other's changes.
    private static async Task<string> StateNotPartyAsync(SpeanApp app, Treaty treaty, int skip) => await app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var parties = db.Set<TreatyMembership>().Where(m => m.Treaty == treaty).Select(m => m.CountryIso3);
        return await db.Set<Country>().Where(c => c.UnMember && !parties.Contains(c.Iso3)).OrderBy(c => c.Iso3).Skip(skip).Select(c => c.Iso3).FirstAsync();
    });

    [Fact]
    public async Task A_file_name_longer_than_the_import_keeps_is_cut_not_a_server_error()
    {
        var world = await CreateAsync(app);
        var name = new string('x', 5000) + ".csv";

        using var import = await ImportAsync(world.CoordinatorClientA, "MineBan", "iso3,status\nXXX,party\n", name);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var id = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        var kept = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Set<TreatyImport>().Where(i => i.Id == id).Select(i => i.FileName).SingleAsync());
        Assert.Equal(name[..TreatyImport.FileNameLength], kept);
    }

    [Fact]
    public async Task A_row_holding_a_NUL_character_is_refused_by_line_saying_so_and_the_other_rows_import()
    {
        var world = await CreateAsync(app);
        var state = await StateNotPartyAsync(app, Treaty.MineBan, 5);
        var other = await StateNotPartyAsync(app, Treaty.MineBan, 6);

        using var import = await ImportAsync(world.CoordinatorClientA, "MineBan", $"iso3,status,joined\n{state},party,2010-08-01\n{other},party,2010-08-0\01\n");

        var report = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(import.StatusCode == HttpStatusCode.OK, report.GetRawText());
        Assert.Equal([state], report.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("iso3").GetString()));
        Assert.Equal([(3, "NulCharacter")], report.GetProperty("refused").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("problem").GetString())));
    }

    [Fact]
    public async Task An_import_that_adds_a_State_party_notifies_the_campaign_s_members_once_and_drafts_one_welcome_statement()
    {
        var world = await CreateAsync(app);
        var campaign = await StartAsync(world.A, new { template = "landmines" });
        var unrelated = await StartAsync(world.B, new { template = "bridging" });
        var state = await StateNotPartyAsync(app, Treaty.ClusterMunitions, 0);
        var csv = $"iso3,status,signed,joined,in_force\n{state},party,2008-12-03,2026-11-02,2027-05-01\nXXX,party,,,\nAFG,member,2008-12-03,yesterday,\n";

        using var refused = await ImportAsync(world.A, "ClusterMunitions", csv);
        using var first = await ImportAsync(world.CoordinatorClientA, "ClusterMunitions", csv);
        var report = await first.ReadJsonAsync();
        using var again = await ImportAsync(world.CoordinatorClientA, "ClusterMunitions", csv);
        var second = await again.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var change = Assert.Single(report.GetProperty("changes").EnumerateArray());
        Assert.Equal(state, change.GetProperty("iso3").GetString());
        Assert.Equal("BecameParty", change.GetProperty("kind").GetString());
        Assert.Equal([(3, "UnknownState"), (4, "UnreadableDate")],
            report.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("problem").GetString()!)));
        Assert.Contains("yyyy-mm-dd", report.GetProperty("refused")[1].GetProperty("reason").GetString());
        Assert.Equal(0, second.GetProperty("changes").GetArrayLength());
        Assert.Equal(0, second.GetProperty("notified").GetInt32());
        Assert.Equal(0, second.GetProperty("statementsDrafted").GetInt32());

        var (notified, statements, unrelatedStatements, membership) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var key = $"treaty-change:ClusterMunitions:{state}:party";
            return (await db.Set<Notification>().Where(n => n.Key == key).Select(n => n.UserId).ToListAsync(),
                await db.Set<Statement>().Where(s => s.CampaignId == Id(campaign)).ToListAsync(),
                await db.Set<Statement>().CountAsync(s => s.CampaignId == Id(unrelated)),
                await db.Set<TreatyMembership>().SingleAsync(m => m.Treaty == Treaty.ClusterMunitions && m.CountryIso3 == state));
        });
        Assert.Contains(world.MemberA.Id, notified);
        Assert.Contains(world.CoordinatorA.Id, notified);
        Assert.DoesNotContain(world.MemberB.Id, notified);
        Assert.Equal(notified.Count, notified.Distinct().Count());
        var welcome = Assert.Single(statements);
        Assert.Equal(StatementStatus.Draft, welcome.Status);
        Assert.Contains("Convention on Cluster Munitions", welcome.TitleEn);
        Assert.Contains("អនុសញ្ញាស្ដីពីគ្រាប់បែកចង្កោម", welcome.TitleKm);
        Assert.Equal(0, unrelatedStatements);
        Assert.Equal(new DateOnly(2026, 11, 2), membership.JoinedOn);

        var tracker = await world.B.GetJsonAsync("/api/v1/campaigns/treaties/ClusterMunitions");
        Assert.Contains(tracker.GetProperty("parties").EnumerateArray(), s => s.GetProperty("iso3").GetString() == state);
        Assert.DoesNotContain(tracker.GetProperty("notParty").EnumerateArray(), s => s.GetProperty("iso3").GetString() == state);
        Assert.Contains(tracker.GetProperty("changes").EnumerateArray(), c => c.GetProperty("iso3").GetString() == state);
        var page = await world.B.GetStringAsync("/campaigns/treaties/ClusterMunitions?culture=km");
        Assert.Contains("ប្រវត្តិនៃការផ្លាស់ប្ដូរ", page);
        Assert.Contains($"data-change=\"{state}\"", page);
    }

    [Fact]
    public async Task The_tracker_lists_signatories_not_yet_party_apart_from_States_that_never_signed()
    {
        var world = await CreateAsync(app);
        var signatory = await StateNotPartyAsync(app, Treaty.MineBan, 3);

        using var import = await ImportAsync(world.CoordinatorClientB, "MineBan", $"iso3,status,signed\n{signatory},signatory,1997-12-03\n");
        var tracker = await world.A.GetJsonAsync("/api/v1/campaigns/treaties/MineBan");
        using var unknown = await world.A.GetAsync("/api/v1/campaigns/treaties/Kyoto");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var listed = Assert.Single(tracker.GetProperty("signatories").EnumerateArray(), s => s.GetProperty("iso3").GetString() == signatory);
        Assert.Equal("1997-12-03", listed.GetProperty("signedOn").GetString());
        Assert.DoesNotContain(tracker.GetProperty("notParty").EnumerateArray(), s => s.GetProperty("iso3").GetString() == signatory);
        Assert.Contains(tracker.GetProperty("parties").EnumerateArray(), s => s.GetProperty("iso3").GetString() == "KHM");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("MineBan or ClusterMunitions", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_statement_is_approved_by_the_owner_s_coordinator_then_published_for_anyone_with_share_links()
    {
        var world = await CreateAsync(app);
        var campaign = await StartAsync(world.A, new { template = "landmines", confidentiality = "Organisation" });
        var title = "We welcome the pledge " + Guid.NewGuid().ToString("N")[..6];

        using var drafted = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/statements",
            new { titleEn = title, titleKm = "យើងស្វាគមន៍ការសន្យា", bodyEn = "Body in English.", bodyKm = "អត្ថបទជាភាសាខ្មែរ។" });
        var statement = (await drafted.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var oneLanguage = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/statements",
            new { titleEn = "Only English", bodyEn = "Only English." });
        using var publishEarly = await world.CoordinatorClientA.PostAsync($"/api/v1/campaigns/statements/{statement}/publication", null);
        using var otherCoordinator = await world.CoordinatorClientB.PostAsync($"/api/v1/campaigns/statements/{statement}/approval", null);
        using var approved = await world.CoordinatorClientA.PostAsync($"/api/v1/campaigns/statements/{statement}/approval", null);
        var draftsSeenByB = await world.B.GetJsonAsync($"/api/v1/campaigns/{Id(campaign)}/statements");
        using var published = await world.CoordinatorClientA.PostAsync($"/api/v1/campaigns/statements/{statement}/publication", null);
        var url = (await published.ReadJsonAsync()).GetProperty("url").GetString()!;

        var visitor = app.AnonymousClient();
        var english = await visitor.GetStringAsync(url);
        var khmer = await visitor.GetStringAsync(url + "?culture=km");
        var api = await visitor.GetJsonAsync("/api/v1/campaigns/statements/published/" + url["/statements/".Length..]);
        using var missing = await visitor.GetAsync("/statements/no-such-statement");

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oneLanguage.StatusCode);
        Assert.Contains("both Khmer and English", await oneLanguage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, publishEarly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(0, draftsSeenByB.GetArrayLength());
        Assert.StartsWith("/statements/we-welcome-the-pledge-", url);
        Assert.Contains(title, english);
        Assert.Contains("https://www.facebook.com/sharer/sharer.php?u=http", english);
        Assert.Contains("https://t.me/share/url?url=", english);
        Assert.Contains("https://wa.me/?text=", english);
        Assert.Contains("https://x.com/intent/post?url=", english);
        Assert.DoesNotContain("<script src=\"http", english);
        Assert.Contains("យើងស្វាគមន៍ការសន្យា", khmer);
        Assert.Contains("អត្ថបទជាភាសាខ្មែរ។", khmer);
        Assert.Equal(title, api.GetProperty("titleEn").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_api_describes_every_campaigns_operation_with_a_summary()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/campaigns", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()).ToList();

        Assert.True(operations.Count >= 15, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Value.GetProperty("summary").GetString()), o.Name));
        Assert.Contains("/api/v1/campaigns/treaties/{treaty}/import", document.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }
}

public sealed class SqliteTreatyAndStatementTests(SqliteApp app) : TreatyAndStatementTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTreatyAndStatementTests(PostgresApp app) : TreatyAndStatementTests(app), IClassFixture<PostgresApp>;
