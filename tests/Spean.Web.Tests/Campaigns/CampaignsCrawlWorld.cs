using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Campaigns;

/// <summary>The campaigns the crawl's calendar and notifications point at: the Organisation-only campaign of A, with its dated action.</summary>
internal sealed record CrawlCampaigns(Guid OrganisationOnly, Guid OtherOrganisations);

/// <summary>
/// Campaigns of each confidentiality started by the Author: a Network one (for every signed-in reader), an Organisation one
/// of A (for A's people only) with an action, a measurement note, a draft statement and a published statement (for anyone),
/// and an Organisation campaign of B that no one in A may read.
/// </summary>
internal sealed class CampaignsCrawlWorld : ICrawlWorld
{
    public int Order => 30;

    public async Task PlantAsync(CrawlContext context)
    {
        var author = context.Client(CrawlRole.Author);
        var coordinator = context.Client(CrawlRole.Coordinator);
        var ofA = CrawlRoles.OfOrganisationA;
        var today = await context.App.WithScopeAsync(services =>
            Task.FromResult(DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));

        var network = await StartAsync(author, "Network", null, context.Canary("a Network campaign's name", CrawlRoles.SignedIn));
        var secret = await StartAsync(author, "Organisation", "landmines", context.Canary("an Organisation campaign's name", ofA));
        var other = await StartAsync(context.Client(CrawlRole.MemberOfOtherOrganisation), "Organisation", null,
            context.Canary("organisation B's Organisation campaign's name", CrawlRole.MemberOfOtherOrganisation));
        var (networkId, secretId, otherId) = (Id(network), Id(secret), Id(other));

        var objective = CampaignWorld.Objectives(secret).First(o => o.GetProperty("indicators").GetArrayLength() > 0);
        var actionTitle = context.Canary("an Organisation campaign's action title", ofA);
        using (var added = await author.PostAsJsonAsync($"/api/v1/campaigns/{secretId}/actions", new
        {
            objectiveId = objective.GetProperty("id").GetGuid(), titleEn = actionTitle, titleKm = "សកម្មភាព " + actionTitle,
            level = "Provincial", due = today.AddDays(20), ownerUserId = context.User(CrawlRole.Author).Id,
        }))
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var indicator = objective.GetProperty("indicators")[0].GetProperty("id").GetGuid();
        using (var measured = await author.PostAsJsonAsync($"/api/v1/campaigns/{secretId}/indicators/{indicator}/measurements",
            new { date = today.AddDays(-3), value = 4, note = context.Canary("an Organisation campaign's measurement note", ofA) }))
            Assert.Equal(HttpStatusCode.NoContent, measured.StatusCode);
        var plan = await author.GetJsonAsync($"/api/v1/campaigns/{secretId}");
        var actions = CampaignWorld.Actions(plan).Select(a => a.GetProperty("id").GetGuid()).ToList();
        // Deleting runs route by route in no set order, so each route removes something of its own: an added goal, an added
        // objective under another goal, and the template's actions and indicator, under neither.
        var goal = await CreatedIdAsync(author, $"/api/v1/campaigns/{secretId}/goals", new { titleEn = "Added goal", titleKm = "គោលដៅបន្ថែម" });
        var otherGoal = plan.GetProperty("goals").EnumerateArray().Last().GetProperty("id").GetGuid();
        var addedObjective = await CreatedIdAsync(author, $"/api/v1/campaigns/{secretId}/goals/{otherGoal}/objectives",
            new { titleEn = "Added objective", titleKm = "វត្ថុបំណងបន្ថែម" });
        Guid member;
        using (var added = await author.PostAsJsonAsync($"/api/v1/campaigns/{secretId}/members", new { userId = context.User(CrawlRole.Coordinator).Id }))
        {
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            member = (await added.ReadJsonAsync()).GetProperty("id").GetGuid();
        }

        var statements = new List<Guid>
        {
            Id(await DraftAsync(context, author, secretId, "an Organisation campaign's draft statement", ofA)),
            Id(await DraftAsync(context, author, networkId, "a Network campaign's draft statement", CrawlRoles.SignedIn)),
        };
        var published = Id(await DraftAsync(context, author, secretId, "a published statement", CrawlRoles.Everyone));
        statements.Add(published);
        using (var approved = await coordinator.PostAsync($"/api/v1/campaigns/statements/{published}/approval", null))
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        using var publication = await coordinator.PostAsync($"/api/v1/campaigns/statements/{published}/publication", null);
        Assert.True(publication.IsSuccessStatusCode, await publication.Content.ReadAsStringAsync());
        var slug = (await publication.ReadJsonAsync()).GetProperty("url").GetString()!["/statements/".Length..];

        context.Share(new CrawlCampaigns(secretId, otherId));
        context.Parameter("/campaigns/{Id}", "Id", networkId, secretId, otherId);
        context.Parameter("/api/v1/campaigns/{id}", "id", networkId, secretId, otherId);
        context.Parameter("/api/v1/campaigns/{id}/actions/{actionId}", "actionId", actions.Take(2));
        context.Parameter("/api/v1/campaigns/{id}/indicators/{indicatorId}", "indicatorId", indicator);
        context.Parameter("/api/v1/campaigns/{id}/goals/{goalId}", "goalId", goal);
        context.Parameter("/api/v1/campaigns/{id}/objectives/{objectiveId}", "objectiveId", addedObjective);
        context.Parameter("/api/v1/campaigns/{id}/members/{memberId}", "memberId", member);
        context.Parameter("/campaigns/statements/{StatementId}", "StatementId", statements);
        context.Parameter("/api/v1/campaigns/statements/{statementId}", "statementId", statements);
        context.Parameter("/api/v1/campaigns/statements/published/{slug}", "slug", slug);
        context.Parameter("/statements/{Slug}", "Slug", slug);
        context.Parameter("/api/v1/campaigns/treaties/{treaty}", "treaty", "MineBan", "ClusterMunitions");
        context.Parameter("/campaigns/treaties/{TreatyName}", "TreatyName", "MineBan", "ClusterMunitions");
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string url, object request)
    {
        using var response = await client.PostAsJsonAsync(url, request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static Guid Id(JsonElement created) =>
        created.TryGetProperty("campaign", out var campaign) ? campaign.GetProperty("id").GetGuid() : created.GetProperty("id").GetGuid();

    private static async Task<JsonElement> StartAsync(HttpClient client, string confidentiality, string? template, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/campaigns",
            new { nameEn = name, nameKm = "យុទ្ធនាការ " + name, confidentiality, template });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> DraftAsync(CrawlContext context, HttpClient author, Guid campaign, string what, CrawlRole[] readers)
    {
        using var response = await author.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/statements", new
        {
            titleEn = context.Canary($"{what}'s English title", readers),
            titleKm = "សេចក្តីថ្លែងការណ៍ " + context.Canary($"{what}'s Khmer title", readers),
            bodyEn = context.Canary($"{what}'s English text", readers),
            bodyKm = "អត្ថបទ " + context.Canary($"{what}'s Khmer text", readers),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
