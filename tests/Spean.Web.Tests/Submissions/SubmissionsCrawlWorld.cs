using System.Net;
using System.Net.Http.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Submissions;

/// <summary>
/// Three submissions to Cambodia's review, each with a paragraph saved twice and a comment: a draft led by organisation A
/// with B invited (B reads its title, State and lead only; everything else A's people only), one A published (everyone),
/// and a draft led by B that A's people never see. Sending and publishing are crawled on the published one only, so that
/// the crawl does not itself publish a draft half-way. The UPR calendar's routes read Cambodia's shipped cycle 4.
/// </summary>
internal sealed class SubmissionsCrawlWorld : ICrawlWorld
{
    private const string Api = "/api/v1/submissions";

    public int Order => 30;

    public async Task PlantAsync(CrawlContext context)
    {
        var leadA = context.Client(CrawlRole.Coordinator);
        var (_, leadB) = await Accounts.Administrators.PersonAsync(context.App, Role.Coordinator, context.OrganisationB);
        var onlyB = new[] { CrawlRole.MemberOfOtherOrganisation };

        var draft = await PlantAsync(context, leadA, "organisation A's draft", 5, CrawlRoles.OfOrganisationA, [.. CrawlRoles.OfOrganisationA, CrawlRole.MemberOfOtherOrganisation]);
        await SubmissionsWorld.OkAsync(leadA.PostAsJsonAsync($"{Api}/{draft.Id}/invitations", new { organisationId = context.OrganisationB }));
        var published = await PlantAsync(context, leadA, "a published submission", 6, CrawlRoles.Everyone, CrawlRoles.Everyone, CrawlRoles.OfOrganisationA);
        await SubmissionsWorld.OkAsync(leadA.PostAsync($"{Api}/{published.Id}/send", null));
        await SubmissionsWorld.OkAsync(leadA.PostAsync($"{Api}/{published.Id}/publish", null));
        var ofB = await PlantAsync(context, leadB, "organisation B's draft", 7, onlyB, onlyB);

        var all = new[] { draft, published, ofB };
        context.Parameter($"{Api}/{{id}}", "id", all.Select(s => s.Id));
        context.Parameter($"{Api}/{{id}}/send", "id", published.Id);
        context.Parameter($"{Api}/{{id}}/publish", "id", published.Id);
        context.Parameter($"{Api}/{{id}}", "clusterId", all.Select(s => s.Cluster));
        context.Parameter($"{Api}/{{id}}", "paragraphId", all.Select(s => s.Paragraph));
        context.Parameter($"{Api}/{{id}}/paragraphs/{{paragraphId}}/compare", "from", 1);
        context.Parameter($"{Api}/{{id}}/paragraphs/{{paragraphId}}/compare", "to", 2);
        context.Parameter("/submissions/{Id}", "Id", all.Select(s => s.Id));
        context.Parameter("/submissions/{Id}", "ClusterId", all.Select(s => s.Cluster));
        context.Parameter("/submissions/{Id}", "ParagraphId", all.Select(s => s.Paragraph));

        context.Parameter("/submissions/calendar/{Iso3}", "Iso3", "KHM");
        context.Parameter("/submissions/calendar/{Iso3}/{Cycle}/edit", "Cycle", 4);
        context.Parameter($"{Api}/calendar/{{state}}", "state", "KHM");
        context.Parameter($"{Api}/calendar/{{state}}", "cycle", 4);
        context.Parameter("/calendar/states/{iso3}.ics", "iso3", "KHM");
    }

    private sealed record Planted(Guid Id, Guid Cluster, Guid Paragraph);

    /// <param name="readers">Who reads the text of the submission.</param>
    /// <param name="titleReaders">Who reads its title: an invited organisation too.</param>
    /// <param name="draftingReaders">Who reads how it was drafted (earlier versions, comments): its signatories only, even once published.</param>
    private static async Task<Planted> PlantAsync(CrawlContext context, HttpClient lead, string kind, int cycle, CrawlRole[] readers, CrawlRole[] titleReaders,
        CrawlRole[]? draftingReaders = null)
    {
        draftingReaders ??= readers;
        var created = await SubmissionsWorld.OkAsync(lead.PostAsJsonAsync(Api, new
        {
            title = context.Canary($"the title of {kind}", titleReaders), stateIso3 = "KHM", cycle, kind = "Joint", session = 60 + cycle,
            reviewDate = $"20{30 + cycle}-01-20", deadlineUtc = new DateTime(2029 + cycle, 7, 12, 10, 0, 0, DateTimeKind.Utc),
            descriptionEn = context.Canary($"the lead's English description in {kind}", readers),
            descriptionKm = "អង្គការ " + context.Canary($"the lead's Khmer description in {kind}", readers),
        }), HttpStatusCode.Created);
        var id = created.GetProperty("summary").GetProperty("id").GetGuid();
        var cluster = await SubmissionsWorld.OkAsync(lead.PostAsJsonAsync($"{Api}/{id}/clusters", new
        {
            nameEn = context.Canary($"a cluster's English name in {kind}", readers), nameKm = "ក្រុម " + context.Canary($"a cluster's Khmer name in {kind}", readers),
        }), HttpStatusCode.Created);
        var clusterId = cluster.GetProperty("id").GetGuid();
        var paragraph = await SubmissionsWorld.OkAsync(lead.PostAsJsonAsync($"{Api}/{id}/sections/{clusterId}/paragraphs", new
        {
            kind = "Assessment", textEn = "Land was taken. " + context.Canary($"a paragraph's first English version in {kind}", draftingReaders),
            textKm = "ដីត្រូវបានរឹបអូស " + context.Canary($"a paragraph's first Khmer version in {kind}", draftingReaders),
        }), HttpStatusCode.Created);
        var paragraphId = paragraph.GetProperty("id").GetGuid();
        await SubmissionsWorld.OkAsync(lead.PutAsJsonAsync($"{Api}/{id}/paragraphs/{paragraphId}", new
        {
            kind = "Assessment", baseVersion = 1, textEn = "Land was taken again. " + context.Canary($"a paragraph's English text in {kind}", readers),
            textKm = "ដីត្រូវបានរឹបអូសម្ដងទៀត " + context.Canary($"a paragraph's Khmer text in {kind}", readers),
            sources = new[] { new { text = context.Canary($"a paragraph's source in {kind}", readers), url = (string?)null } },
        }));
        await SubmissionsWorld.OkAsync(lead.PostAsJsonAsync($"{Api}/{id}/paragraphs/{paragraphId}/comments", new
        {
            text = "Please check. " + context.Canary($"a comment in {kind}", draftingReaders),
        }), HttpStatusCode.Created);
        return new Planted(id, clusterId, paragraphId);
    }
}
