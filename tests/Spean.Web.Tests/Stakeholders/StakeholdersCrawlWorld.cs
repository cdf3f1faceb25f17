using System.Net;
using System.Net.Http.Json;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Reliability;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Stakeholders;

/// <summary>
/// A person of each confidentiality in A's register, added by the Author (the Restricted one, a source at risk, naming the
/// Member as its one reader), and an Organisation-level person of B; canaries in every name, contact field and note. Then
/// an engagement of each confidentiality with the Public and the Restricted person, canaries in subject, what was agreed
/// and the follow-up, a position and a relationship, so that participants, holders and graph neighbours are crawled too.
/// </summary>
internal sealed class StakeholdersCrawlWorld : ICrawlWorld
{
    public int Order => 30;

    public async Task PlantAsync(CrawlContext context)
    {
        var author = context.Client(CrawlRole.Author);
        var member = context.User(CrawlRole.Member).Id;
        CrawlRole[] restrictedReaders = [CrawlRole.Author, CrawlRole.Member];
        var people = new Dictionary<string, Guid>();
        foreach (var (level, names) in new (string, CrawlRole[])[]
        {
            ("Public", CrawlRoles.Everyone), ("Network", CrawlRoles.SignedIn), ("Organisation", CrawlRoles.OfOrganisationA), ("Restricted", restrictedReaders),
        })
        {
            // Contact details and notes are for signed-in readers of the record only, never visitors, even of a Public one.
            var contacts = names.Where(r => r != CrawlRole.Anonymous).ToArray();
            people[level] = await AddAsync(author, PersonWithCanaries(context, level, level == "Restricted" ? [member] : [], names, contacts));
        }

        CrawlRole[] onlyB = [CrawlRole.MemberOfOtherOrganisation];
        var ofB = await AddAsync(context.Client(CrawlRole.MemberOfOtherOrganisation), PersonWithCanaries(context, "Organisation", [], onlyB, onlyB, "of B"));

        var ministry = await AddAsync(author, new { kind = "Ministry", nameLatin = "Ministry of Land Management", level = "National", confidentiality = "Public" });
        using (var position = await author.PostAsJsonAsync($"{Api}/{people["Restricted"]}/positions", new { organisationId = ministry, titleEn = "Deputy director", from = "2024-01-01" }))
            Assert.True(position.StatusCode == HttpStatusCode.Created, await position.Content.ReadAsStringAsync());
        var positionId = (await author.GetJsonAsync($"{Api}/{people["Restricted"]}")).GetProperty("positions")[0].GetProperty("id").GetGuid();
        Guid relationship;
        using (var related = await author.PostAsJsonAsync($"{Api}/relationships", new { fromId = people["Restricted"], toId = ministry, type = "WorksWith" }))
        {
            Assert.True(related.StatusCode == HttpStatusCode.Created, await related.Content.ReadAsStringAsync());
            relationship = (await related.ReadJsonAsync()).GetProperty("id").GetGuid();
        }

        var engagements = new List<Guid>();
        var followUps = new List<Guid>();
        foreach (var (level, readers) in new (string, CrawlRole[])[]
        {
            ("Public", CrawlRoles.Everyone), ("Network", CrawlRoles.SignedIn), ("Organisation", CrawlRoles.OfOrganisationA), ("Restricted", restrictedReaders),
        })
        {
            var signedIn = readers.Where(r => r != CrawlRole.Anonymous).ToArray();
            var restricted = level == "Restricted";
            using var recorded = await author.PostAsJsonAsync($"{Api}/engagements", new
            {
                kind = "Meeting", date = "2025-03-02",
                subject = "Meeting " + context.Canary($"a {level} engagement's subject", readers),
                participantIds = new[] { people["Public"], people["Restricted"] }, organisationIds = new[] { ministry },
                agreed = "Agreed " + context.Canary($"what was agreed in a {level} engagement", signedIn),
                confidentiality = level, readerIds = restricted ? new[] { member } : [],
                followUps = new[] { new { action = "Send " + context.Canary($"a {level} engagement's follow-up", signedIn), ownerId = member, due = "2025-03-20" } },
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
            var engagement = await recorded.ReadJsonAsync();
            engagements.Add(engagement.GetProperty("id").GetGuid());
            followUps.AddRange(engagement.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
        }

        Guid[] stakeholders = [.. people.Values, ofB, ministry];
        context.Parameter("/api/v1/stakeholders/{id}", "id", stakeholders);
        context.Parameter("/api/v1/stakeholders/{id}/positions/{positionId}/end", "positionId", positionId);
        context.Parameter("/api/v1/stakeholders/engagements/{id}", "id", engagements);
        context.Parameter("/api/v1/stakeholders/follow-ups/{id}/done", "id", followUps);
        context.Parameter("/api/v1/stakeholders/relationships/{id}", "id", relationship);
        context.Parameter("/stakeholders/{Id}", "Id", stakeholders);
        context.Parameter("/stakeholders/engagements/{Id}", "Id", engagements);
    }

    private static object PersonWithCanaries(CrawlContext context, string level, Guid[] readers, CrawlRole[] names, CrawlRole[] contacts, string of = "of A")
    {
        var what = $"a {level} person {of}";
        return new
        {
            kind = "Person",
            nameLatin = "Sok " + context.Canary($"{what}: Latin name", names),
            nameKhmer = "សុខ " + context.Canary($"{what}: Khmer name", names),
            level = "Local", adminUnitCode = "130101", confidentiality = level, readerIds = readers, tags = new[] { "land" },
            contacts = new
            {
                phone = "+855 " + context.Canary($"{what}: phone", contacts),
                email = context.Plain("cnry" + Guid.NewGuid().ToString("N")[..14], $"{what}: e-mail", contacts) + "@example.org",
                address = "Street " + context.Canary($"{what}: address", contacts),
                messaging = "@" + context.Canary($"{what}: messaging handle", contacts),
                notes = "Note " + context.Canary($"{what}: notes", contacts),
            },
        };
    }
}
