using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Stakeholders.Register;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Stakeholders;

/// <summary>The register through /api/v1/stakeholders: who sees which record and whose contacts, search by Khmer and Latin names, positions over time.</summary>
public abstract class RegisterApiTests(SpeanApp app)
{
    [Fact]
    public async Task Each_level_is_seen_only_by_whom_it_names_and_contacts_never_by_visitors()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (reader, _) = await PersonAsync(app, Role.Member, b);
        var readerClient = await app.ClientForAsync(reader);
        var (_, coordinatorA) = await PersonAsync(app, Role.Coordinator, a);
        var (_, colleague) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, b);
        var marker = Guid.NewGuid().ToString("N")[..8];

        var pub = await AddAsync(author, Person("PUB" + marker, "Public", word: marker));
        var net = await AddAsync(author, Person("NET" + marker, "Network", word: marker));
        var org = await AddAsync(author, Person("ORG" + marker, "Organisation", word: marker));
        var res = await AddAsync(author, Person("RES" + marker, "Restricted", [reader.Id], marker));

        async Task<HashSet<Guid>> SeenAsync(HttpClient client) =>
            [.. (await SearchAsync(client, $"q={marker}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        Assert.Equal(new[] { pub, net, org, res }.Order(), (await SeenAsync(author)).Order());
        Assert.Equal(new[] { pub, net, org }.Order(), (await SeenAsync(colleague)).Order());
        // A Restricted record is the author's and their readers', not the coordinator's of the same organisation.
        Assert.Equal(new[] { pub, net, org }.Order(), (await SeenAsync(coordinatorA)).Order());
        Assert.Equal(new[] { pub, net, res }.Order(), (await SeenAsync(readerClient)).Order());
        Assert.Equal(new[] { pub, net }.Order(), (await SeenAsync(outsider)).Order());
        Assert.Equal([pub], await SeenAsync(app.AnonymousClient()));
        Assert.Equal(2, (await SearchAsync(outsider, $"q={marker}")).GetProperty("total").GetInt32());

        foreach (var (client, id) in new[] { (outsider, org), (outsider, res), (coordinatorA, res), (app.AnonymousClient(), net) })
        {
            using var hidden = await client.GetAsync($"{Api}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.DoesNotContain(marker, await hidden.Content.ReadAsStringAsync());
        }

        var asReader = await readerClient.GetJsonAsync($"{Api}/{res}");
        Assert.Equal($"+855 12 RES{marker}", asReader.GetProperty("contacts").GetProperty("phone").GetString());
        var visitor = await app.AnonymousClient().GetJsonAsync($"{Api}/{pub}");
        Assert.Equal(JsonValueKind.Null, visitor.GetProperty("contacts").ValueKind);
        Assert.DoesNotContain("+855", visitor.GetRawText());
    }

    [Fact]
    public async Task Contacts_are_encrypted_at_rest_and_kept_out_of_the_audit_trail()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var marker = "Q" + Guid.NewGuid().ToString("N")[..9];
        var id = await AddAsync(author, Person(marker, "Restricted"));
        using (var changed = await author.PutAsJsonAsync($"{Api}/{id}", Person(marker + "X", "Restricted")))
            Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());

        var stored = Encoding.UTF8.GetString(await RawStorage.DatabaseBytesAsync(app));
        Assert.DoesNotContain($"12 {marker}", stored);
        Assert.DoesNotContain($"{marker.ToLowerInvariant()}@example.org", stored);
        Assert.DoesNotContain($"Note {marker}", stored);
        Assert.DoesNotContain($"@tg{marker}", stored);

        // Key rotation finds the register's encrypted columns by their annotation and re-encrypts them readable.
        var rotated = await app.WithScopeAsync(services => services.GetRequiredService<KeyRotation>().RotateAsync());
        Assert.Empty(rotated.Failures);
        Assert.Equal($"+855 12 {marker}X", (await author.GetJsonAsync($"{Api}/{id}")).GetProperty("contacts").GetProperty("phone").GetString());

        var trail = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType != null && e.EntityType.Contains("Stakeholder")).ToListAsync());
        Assert.NotEmpty(trail);
        var text = string.Join("\n", trail.Select(e => e.Changes));
        Assert.Contains("Confidentiality", text);
        Assert.DoesNotContain(marker, text);
        Assert.DoesNotContain("សុខ", text);
    }

    [Fact]
    public async Task Names_are_found_by_the_start_of_any_word_in_Khmer_or_Latin_without_marks_and_never_by_contact_details()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var council = await AddAsync(member, new
        {
            kind = "CommuneCouncil", nameLatin = "Prame Commune Council", nameKhmer = "ក្រុមប្រឹក្សាឃុំព្រាំ", level = "Local", adminUnitCode = "130101",
            confidentiality = "Network", tags = new[] { tag },
        });
        var chief = await AddAsync(member, new
        {
            kind = "Person", nameLatin = "Sòk Chéa", nameKhmer = "សុខ ជា", confidentiality = "Network", tags = new[] { tag },
            contacts = new { phone = "+855 97 777 1234", email = "prame-secret@example.org" },
        });

        async Task<List<Guid>> FindAsync(string q) =>
            [.. (await SearchAsync(member, $"tag={tag}&q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        Assert.Equal([chief], await FindAsync("chea"));
        Assert.Equal([chief], await FindAsync("SOK CH"));
        Assert.Equal([chief], await FindAsync("ជា"));
        Assert.Equal([council], await FindAsync("ក្រុមប្រឹក្សា"));
        Assert.Equal([council], await FindAsync("commune"));
        Assert.Empty(await FindAsync("prame-secret"));
        Assert.Empty(await FindAsync("+855"));
        Assert.Empty(await FindAsync("ommune"));
        var people = await SearchAsync(member, $"tag={tag}&people=true");
        Assert.Equal(1, people.GetProperty("total").GetInt32());
        var councils = await SearchAsync(member, $"tag={tag}&kind=CommuneCouncil&place=13");
        Assert.Equal(council, Assert.Single(councils.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_commune_chief_changes_after_an_election_and_the_history_stays()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "B"));
        var council = await AddAsync(member, new { kind = "CommuneCouncil", nameLatin = "Kuleaen Council", confidentiality = "Network" });
        var first = await AddAsync(member, new { kind = "Person", nameLatin = "Chief One", confidentiality = "Network" });
        var second = await AddAsync(member, new { kind = "Person", nameLatin = "Chief Two", confidentiality = "Restricted" });

        using (var added = await member.PostAsJsonAsync($"{Api}/{first}/positions", new { organisationId = council, titleEn = "Commune chief", titleKm = "មេឃុំ", from = "2017-06-04" }))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var position = (await member.GetJsonAsync($"{Api}/{first}")).GetProperty("positions")[0].GetProperty("id").GetGuid();
        using (var ended = await member.PutAsJsonAsync($"{Api}/{first}/positions/{position}/end", new { to = "2022-06-05" }))
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        using (var added = await member.PostAsJsonAsync($"{Api}/{second}/positions", new { organisationId = council, titleEn = "Commune chief", from = "2022-06-05" }))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using (var backwards = await member.PostAsJsonAsync($"{Api}/{second}/positions", new { organisationId = council, titleEn = "Deputy", from = "2022-06-05", to = "2020-01-01" }))
        {
            var problem = await ProblemAsync(backwards, HttpStatusCode.BadRequest);
            Assert.Equal("EndsBeforeStart", problem.GetProperty("codes").GetProperty("to").GetString());
        }

        var holders = (await member.GetJsonAsync($"{Api}/{council}")).GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(2, holders.Count);
        Assert.True(holders[0].GetProperty("current").GetBoolean());
        Assert.Equal(second, holders[0].GetProperty("person").GetProperty("id").GetGuid());
        Assert.Equal(first, holders[1].GetProperty("person").GetProperty("id").GetGuid());
        Assert.Equal("2022-06-05", holders[1].GetProperty("to").GetString());

        // Another organisation sees that the post has a holder, not who: the Restricted person is a restricted contact.
        var seen = (await outsider.GetJsonAsync($"{Api}/{council}")).GetProperty("positions").EnumerateArray().ToList();
        Assert.True(seen[0].GetProperty("person").GetProperty("restricted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen[0].GetProperty("person").GetProperty("id").ValueKind);
        Assert.DoesNotContain("Chief Two", (await outsider.GetStringAsync($"{Api}/{council}")));
    }

    [Fact]
    public async Task Refusals_say_what_to_change_and_others_may_not_change_a_record()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "B"));
        var (_, viewerRole) = await PersonAsync(app, Role.Viewer, a);
        using (var bad = await member.PostAsJsonAsync(Api, new { kind = "Wizard", adminUnitCode = "999999", countryIso3 = "XXX" }))
        {
            var problem = await ProblemAsync(bad, HttpStatusCode.BadRequest);
            var codes = problem.GetProperty("codes");
            Assert.Equal("UnknownKind", codes.GetProperty("kind").GetString());
            Assert.Equal("NameRequired", codes.GetProperty("nameLatin").GetString());
            Assert.Equal("UnknownPlace", codes.GetProperty("adminUnitCode").GetString());
            Assert.Equal("UnknownCountry", codes.GetProperty("countryIso3").GetString());
        }
        var embassy = await AddAsync(member, new { kind = "Embassy", nameLatin = "Embassy of France", countryIso3 = "fra", level = "International", confidentiality = "Public" });
        Assert.Equal("France", (await member.GetJsonAsync($"{Api}/{embassy}")).GetProperty("country").GetString());
        using (var refused = await outsider.PutAsJsonAsync($"{Api}/{embassy}", new { kind = "Embassy", nameLatin = "Changed" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var refused = await viewerRole.PostAsJsonAsync(Api, new { kind = "Media", nameLatin = "Radio" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_common_name_is_counted_up_to_the_cap_and_paged_without_counting_or_showing_what_the_viewer_may_not_see()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (author, authorClient) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, b);
        var marker = Guid.NewGuid().ToString("N")[..8];
        // The hidden ones are added first and named by the bare marker, so they come first in the key index the page walks.
        var hidden = await InsertAsync(author, a, marker, 10, Confidentiality.Restricted);
        hidden.UnionWith(await InsertAsync(author, a, marker, 10, Confidentiality.Organisation));
        var seen = await InsertAsync(author, a, marker + "n", StakeholderRegister.CountCap, Confidentiality.Network);

        var exactly = await SearchAsync(outsider, $"q={marker}");
        Assert.Equal(StakeholderRegister.CountCap, exactly.GetProperty("total").GetInt32());
        Assert.False(exactly.GetProperty("moreThanTotal").GetBoolean());
        var first = exactly.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(50, first.Distinct().Count());
        Assert.All(first, id => Assert.Contains(id, seen));
        Assert.True((await SearchAsync(authorClient, $"q={marker}")).GetProperty("moreThanTotal").GetBoolean());

        seen.UnionWith(await InsertAsync(author, a, marker + "n", 1, Confidentiality.Network));
        var capped = await SearchAsync(outsider, $"q={marker}");
        Assert.Equal(StakeholderRegister.CountCap, capped.GetProperty("total").GetInt32());
        Assert.True(capped.GetProperty("moreThanTotal").GetBoolean());
        // Paging goes on past the cap: the last page holds the one record beyond it.
        var last = (await SearchAsync(outsider, $"q={marker}&page=21&pageSize=50")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Single(last);
        Assert.Contains(last[0], seen);
        Assert.Contains("More than 1,000 found", await outsider.GetStringAsync($"/stakeholders?q={marker}"));
        Assert.Contains("រកឃើញច្រើនជាង ", await outsider.GetStringAsync($"/stakeholders?q={marker}&culture=km"));
    }

    private Task<HashSet<Guid>> InsertAsync(SpeanUser author, Guid organisation, string word, int count, Confidentiality confidentiality) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var added = Enumerable.Range(0, count).Select(i => new Stakeholder
            {
                Kind = StakeholderKind.Person, NameLatin = $"Sok {word}", OrganisationId = organisation, CreatedById = author.Id,
                UpdatedAt = DateTime.UtcNow, Confidentiality = confidentiality,
            }).ToList();
            foreach (var s in added) s.NameKeys.AddRange(NameKeys.Of(s.NameLatin).Select(k => new StakeholderNameKey { StakeholderId = s.Id, Key = k }));
            db.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(s => s.Id).ToHashSet();
        });

    [Fact]
    public async Task Every_stakeholder_operation_is_in_the_OpenAPI_document_with_a_summary()
    {
        var paths = (await app.AnonymousClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        var ours = paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/stakeholders", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count >= 12, string.Join(", ", ours.Select(p => p.Name)));
        foreach (var path in ours)
            foreach (var operation in path.Value.EnumerateObject())
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), path.Name);
    }
}

public sealed class SqliteRegisterApiTests(SqliteApp app) : RegisterApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRegisterApiTests(PostgresApp app) : RegisterApiTests(app), IClassFixture<PostgresApp>;
