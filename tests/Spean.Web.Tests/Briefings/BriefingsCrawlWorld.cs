using System.Net;
using System.Net.Http.Json;
using Spean.Web.Tests.Reliability;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Briefings;

/// <summary>
/// France's embassy in A's register, seen by the whole network, with an Organisation-level counsellor and a Restricted
/// attaché in post there, and A's Organisation-level mission in Geneva; canaries in their names and contacts and in an
/// Organisation-level meeting with the embassy, so the briefing for KHM and FRA is crawled with something to leak.
/// </summary>
internal sealed class BriefingsCrawlWorld : ICrawlWorld
{
    public int Order => 40;

    public async Task PlantAsync(CrawlContext context)
    {
        var author = context.Client(CrawlRole.Author);
        var member = context.User(CrawlRole.Member).Id;
        CrawlRole[] restricted = [CrawlRole.Author, CrawlRole.Member];
        var embassy = await AddAsync(author, new
        {
            kind = "Embassy", nameLatin = "Embassy of France", countryIso3 = "FRA", level = "International", confidentiality = "Network",
        });
        await AddAsync(author, new
        {
            kind = "Embassy", nameLatin = "Mission " + context.Canary("an Organisation-level mission's name", CrawlRoles.OfOrganisationA), countryIso3 = "FRA",
            confidentiality = "Organisation", contacts = new { phone = "+41 " + context.Canary("an Organisation-level mission's phone", CrawlRoles.OfOrganisationA) },
        });
        foreach (var (level, readers) in new (string, CrawlRole[])[] { ("Organisation", CrawlRoles.OfOrganisationA), ("Restricted", restricted) })
        {
            var person = await AddAsync(author, new
            {
                kind = "Person", nameLatin = "Diplomat " + context.Canary($"a {level} embassy diplomat's name", readers), confidentiality = level,
                readerIds = level == "Restricted" ? new[] { member } : [],
                contacts = new { phone = "+855 " + context.Canary($"a {level} embassy diplomat's phone", readers) },
            });
            using var position = await author.PostAsJsonAsync($"{Api}/{person}/positions", new { organisationId = embassy, titleEn = "Counsellor", from = "2025-01-01" });
            Assert.True(position.StatusCode == HttpStatusCode.Created, await position.Content.ReadAsStringAsync());
        }
        using (var recorded = await author.PostAsJsonAsync($"{Api}/engagements", new
               {
                   kind = "Meeting", date = "2025-06-02", organisationIds = new[] { embassy }, confidentiality = "Organisation",
                   subject = "Meeting " + context.Canary("an Organisation-level embassy meeting's subject", CrawlRoles.OfOrganisationA),
                   agreed = "Agreed " + context.Canary("what was agreed with the embassy", CrawlRoles.OfOrganisationA),
                   followUps = new[] { new { action = "Send " + context.Canary("a follow-up of the embassy meeting", CrawlRoles.OfOrganisationA), ownerId = member, due = "2025-07-01" } },
               }))
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());

        foreach (var route in new[] { "/briefings", "/api/v1/stakeholders/briefings" })
        {
            context.Parameter(route, "sur", "KHM");
            context.Parameter(route, "recommending", "FRA");
        }
    }
}
