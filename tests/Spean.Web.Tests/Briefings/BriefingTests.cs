using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Submissions;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Briefings;

/// <summary>
/// The embassy briefing over Cambodia's shipped recommendations of cycles 1 and 2: France's recommendations with their
/// responses and an assessment, a coalition draft for its signatories only, and an embassy whose people, contacts and
/// engagements each follow their own record's confidentiality.
/// </summary>
public abstract class BriefingTests(BriefingApp app)
{
    private const string Briefings = "/api/v1/stakeholders/briefings";

    [Fact]
    public async Task France_recommendations_to_Cambodia_come_by_cycle_with_the_responses_of_the_data_and_the_assessment_recorded()
    {
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, await OrganisationAsync(app, "A"));
        var land = await app.RecommendationAsync("Continue efforts in land matters", by: "FRA");
        using (var recorded = await coordinator.PostAsJsonAsync("/api/v1/implementation/assessments",
                   new { recommendationIds = new[] { land }, status = "PartiallyImplemented", asOf = "2025-06-01" }))
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());

        var briefing = await coordinator.GetJsonAsync($"{Briefings}/khm/fra");

        Assert.Equal(("Cambodia", "France"), (briefing.GetProperty("stateUnderReview").GetProperty("name").GetString(),
            briefing.GetProperty("recommending").GetProperty("name").GetString()));
        var cycles = briefing.GetProperty("cycles").EnumerateArray().ToList();
        // Counted in upr_recommendations_cambodia_cycles_1-2.csv: France made 3 recommendations in cycle 1 (all accepted) and 6 in cycle 2 (3 noted).
        Assert.Equal([(2, 3, 3), (1, 3, 0)], cycles.Select(c => (c.GetProperty("cycle").GetInt32(), c.GetProperty("supported").GetInt32(), c.GetProperty("noted").GetInt32())));
        var recommendations = cycles.SelectMany(c => c.GetProperty("recommendations").EnumerateArray()).ToList();
        var assessed = recommendations.Single(r => r.GetProperty("id").GetGuid() == land);
        Assert.Equal(("Supported", 18, "PartiallyImplemented"), (assessed.GetProperty("response").GetString(), assessed.GetProperty("session").GetInt32(),
            assessed.GetProperty("assessment").GetProperty("status").GetString()));
        Assert.Contains("Right to land", assessed.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
        var invitation = recommendations.Single(r => r.GetProperty("text").GetString()!.StartsWith("Issue a standing invitation", StringComparison.Ordinal));
        Assert.Equal(("Noted", JsonValueKind.Null), (invitation.GetProperty("response").GetString(), invitation.GetProperty("assessment").ValueKind));
        Assert.Contains("Right to land", briefing.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));

        var page = await coordinator.GetStringAsync("/briefings/KHM/FRA");
        Assert.Contains("Briefing: France and the UPR of Cambodia", page);
        Assert.Contains("Continue efforts in land matters", page);
        Assert.Contains("Partially implemented as of Jun 2025", page);
        // Eight recommendations fit the page, four a cycle: cycle 2's six leave two out, and the page says it is shortened.
        Assert.Contains("and 2 more", page);
        Assert.Contains("To fit on one printed A4 page", page);
        Assert.Contains("css/briefing.css", page);
        var all = await coordinator.GetStringAsync("/briefings/KHM/FRA?all=true");
        Assert.DoesNotContain("and 2 more", all);
        Assert.Contains("Issue a standing invitation", all);
    }

    [Fact]
    public async Task A_coalition_draft_on_the_same_issue_is_shown_to_its_signatories_and_not_to_another_organisation()
    {
        var world = await SubmissionsWorld.CreateAsync(app);
        var onLand = await app.RecommendationAsync("", notBy: "FRA", issue: "Right to land");
        var marker = Guid.NewGuid().ToString("N")[..8];
        await world.AddParagraphAsync(world.LeadMember, world.Cluster(5), new
        {
            kind = "Recommendation", textEn = $"Suspend economic land concessions until affected communities are consulted {marker}.",
            textKm = "ផ្អាកដីសម្បទានសេដ្ឋកិច្ច", recommendationIds = new[] { onLand },
        });
        await world.AddParagraphAsync(world.LeadMember, world.Cluster(8), new { kind = "Recommendation", textEn = $"Unrelated draft on schooling {marker}." });

        foreach (var signatory in new[] { world.LeadMember, world.PartnerMember })
        {
            var briefing = await signatory.GetJsonAsync($"{Briefings}/KHM/FRA");
            var draft = Assert.Single(briefing.GetProperty("drafts").EnumerateArray(), d => d.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal));
            Assert.Equal(("Land and natural resources", "Draft"), (draft.GetProperty("cluster").GetString(), draft.GetProperty("status").GetString()));
            Assert.Contains("Right to land", draft.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
            Assert.Contains("Suspend economic land concessions", await signatory.GetStringAsync("/briefings/KHM/FRA"));
        }

        var (_, outsiderMember) = await PersonAsync(app, Role.Member, world.Outsider);
        foreach (var outsider in new[] { world.OutsiderCoordinator, outsiderMember })
        {
            var text = (await outsider.GetJsonAsync($"{Briefings}/KHM/FRA")).GetRawText();
            Assert.DoesNotContain(marker, text);
            Assert.DoesNotContain(world.Id.ToString(), text);
            var page = await outsider.GetStringAsync("/briefings/KHM/FRA?all=true");
            Assert.DoesNotContain(marker, page);
            Assert.DoesNotContain("Joint submission on land and justice", page);
        }
    }

    [Fact]
    public async Task The_embassy_people_contacts_and_engagements_of_one_organisation_stay_hidden_from_another()
    {
        var a = await OrganisationAsync(app, "A");
        var (me, author) = await PersonAsync(app, Role.Member, a);
        var (_, colleague) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "B"));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var embassy = await AddAsync(author, new
        {
            kind = "Embassy", nameLatin = "Embassy of Norway " + marker, level = "International", countryIso3 = "NOR", confidentiality = "Network",
            contacts = new { phone = "+855 23 " + marker, email = $"emb-{marker}@example.org", notes = "EMBNOTE" + marker },
        });
        var privateEmbassy = await AddAsync(author, new
        {
            kind = "Embassy", nameLatin = "Mission in Geneva ORGEMB" + marker, countryIso3 = "NOR", confidentiality = "Organisation",
            contacts = new { phone = "+41 ORGEMBPHONE" + marker },
        });
        var counsellor = await AddAsync(author, new
        {
            kind = "Person", nameLatin = "Counsellor ORGNAME" + marker, confidentiality = "Organisation",
            contacts = new { phone = "+855 ORGPHONE" + marker, email = $"orgmail{marker}@example.org", notes = "ORGNOTE" + marker },
        });
        var source = await AddAsync(author, new
        {
            kind = "Person", nameLatin = "Attaché RESTNAME" + marker, confidentiality = "Restricted",
            contacts = new { phone = "+855 RESTPHONE" + marker },
        });
        var ambassador = await AddAsync(author, new { kind = "Person", nameLatin = "Ambassador " + marker, confidentiality = "Network", contacts = new { phone = "+855 NETPHONE" + marker } });
        foreach (var (person, title) in new[] { (counsellor, "Political counsellor"), (source, "Attaché"), (ambassador, "Ambassador") })
        {
            using var position = await author.PostAsJsonAsync($"{Api}/{person}/positions", new { organisationId = embassy, titleEn = title, from = "2024-09-01" });
            Assert.True(position.StatusCode == HttpStatusCode.Created, await position.Content.ReadAsStringAsync());
        }
        foreach (var (level, subject) in new[] { ("Network", "Network meeting " + marker), ("Organisation", "ORGMEETING" + marker) })
        {
            using var recorded = await author.PostAsJsonAsync($"{Api}/engagements", new
            {
                kind = "Meeting", date = level == "Network" ? "2025-02-01" : "2025-05-01", subject, organisationIds = new[] { embassy }, confidentiality = level,
                agreed = $"AGREED-{level}-{marker}", followUps = new[] { new { action = $"SEND-{level}-{marker}", ownerId = me.Id, due = "2026-01-15" } },
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        var mine = await author.GetJsonAsync($"{Briefings}/KHM/NOR");
        var embassies = mine.GetProperty("embassies").EnumerateArray().ToList();
        Assert.Equal([embassy, privateEmbassy], embassies.Select(e => e.GetProperty("id").GetGuid()));
        var people = embassies.Single(e => e.GetProperty("id").GetGuid() == embassy).GetProperty("people").EnumerateArray().ToList();
        Assert.Equal(3, people.Count);
        Assert.Equal(["ORGMEETING" + marker, "Network meeting " + marker], mine.GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("subject").GetString()));
        Assert.Equal($"SEND-Organisation-{marker}", mine.GetProperty("engagements")[0].GetProperty("pending")[0].GetProperty("action").GetString());
        var colleagues = (await colleague.GetJsonAsync($"{Briefings}/KHM/NOR")).GetRawText();
        Assert.Contains("ORGPHONE" + marker, colleagues);
        Assert.DoesNotContain("RESTNAME" + marker, colleagues);

        var theirs = await outsider.GetJsonAsync($"{Briefings}/KHM/NOR");
        var page = await outsider.GetStringAsync("/briefings/KHM/NOR?all=true");
        foreach (var text in new[] { theirs.GetRawText(), page })
        {
            Assert.Contains("Embassy of Norway " + marker, text);
            Assert.Contains("Ambassador " + marker, text);
            Assert.Contains("NETPHONE" + marker, text);
            Assert.Contains($"AGREED-Network-{marker}", text);
            foreach (var hidden in new[] { "ORGEMB", "ORGNAME", "ORGPHONE", "orgmail", "RESTNAME", "RESTPHONE", "ORGMEETING", "AGREED-Organisation-", "SEND-Organisation-" })
                Assert.DoesNotContain(hidden + marker, text);
            Assert.DoesNotContain(counsellor.ToString(), text);
            Assert.DoesNotContain(source.ToString(), text);
            // Notes are never part of a briefing, even for those who may read them.
            Assert.DoesNotContain("EMBNOTE" + marker, text);
        }
        Assert.DoesNotContain("ORGNOTE" + marker, colleagues);
        Assert.Single(theirs.GetProperty("embassies").EnumerateArray());
        Assert.Single(theirs.GetProperty("engagements").EnumerateArray());

        var embassyPage = await outsider.GetStringAsync($"/stakeholders/{embassy}");
        Assert.Contains("href=\"/briefings/KHM/NOR\"", embassyPage);
    }

    [Fact]
    public async Task The_page_has_Khmer_chrome_and_English_content_and_refuses_unknown_codes_saying_what_to_change()
    {
        var (_, member) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "A"));

        var khmer = await member.GetStringAsync("/briefings/KHM/FRA?culture=km");
        Assert.Contains("អ្វីដែលពួកគេបានផ្ដល់អនុសាសន៍ និងលទ្ធផលរបស់វា", khmer);
        Assert.Contains("ស្ថានទូត និងបុគ្គលិករបស់ខ្លួន", khmer);
        Assert.Contains("បោះពុម្ព", khmer);
        Assert.DoesNotContain("What they recommended", khmer);
        Assert.Contains("Briefing: France and the UPR of Cambodia", khmer);
        Assert.Contains("Continue efforts in land matters", khmer);
        var chooser = await member.GetStringAsync("/briefings?culture=km");
        Assert.Contains("រដ្ឋដែលត្រូវបានពិនិត្យ", chooser);
        Assert.Contains("<option value=\"FRA\"", chooser);

        Assert.Contains("href=\"/briefings?sur=KHM\"", await member.GetStringAsync("/recommendations/states/KHM"));
        Assert.DoesNotContain("/briefings", await app.AnonymousClient().GetStringAsync("/recommendations/states/KHM"));

        using (var chosen = await member.GetAsync("/briefings?sur=KHM&recommending=fra"))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            Assert.EndsWith("/briefings/KHM/FRA", chosen.Headers.Location!.ToString());
        }

        using (var unknown = await member.GetAsync($"{Briefings}/KHM/XYZ"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            var problem = await unknown.ReadJsonAsync();
            Assert.Equal("UnknownState", problem.GetProperty("code").GetString());
            Assert.Contains("XYZ", problem.GetProperty("detail").GetString());
        }
        using (var malformed = await member.GetAsync($"{Briefings}/Cambodia/FRA"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("three-letter ISO code", (await malformed.ReadJsonAsync()).GetProperty("detail").GetString());
        }
        using (var page = await member.GetAsync("/briefings/KHM/XYZ?culture=km"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("គ្មានប្រទេសណាដែលមានលេខកូដ XYZ", await page.Content.ReadAsStringAsync());
        }
        using (var malformedPage = await member.GetAsync("/briefings/Cambodia/FRA"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformedPage.StatusCode);
            Assert.Contains("three-letter ISO code", await malformedPage.Content.ReadAsStringAsync());
        }
        using (var visitor = await app.AnonymousClient().GetAsync($"{Briefings}/KHM/FRA"))
            Assert.Equal(HttpStatusCode.Unauthorized, visitor.StatusCode);
    }
}

public sealed class SqliteBriefingTests(SqliteBriefingApp app) : BriefingTests(app), IClassFixture<SqliteBriefingApp>;

public sealed class PostgresBriefingTests(PostgresBriefingApp app) : BriefingTests(app), IClassFixture<PostgresBriefingApp>;
