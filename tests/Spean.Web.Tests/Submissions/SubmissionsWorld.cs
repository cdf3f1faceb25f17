using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Submissions;

/// <summary>A lead organisation and a partner drafting a joint submission through /api/v1/submissions, and an outsider.</summary>
internal sealed record SubmissionsWorld(
    Guid Id, Guid Lead, Guid Partner, Guid Outsider, HttpClient LeadCoordinator, HttpClient LeadMember, HttpClient PartnerCoordinator,
    HttpClient PartnerMember, HttpClient OutsiderCoordinator, JsonElement Created)
{
    public const string Api = "/api/v1/submissions";

    public string Of => $"{Api}/{Id}";

    public Guid Cluster(int number) =>
        Created.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number).GetProperty("id").GetGuid();

    /// <summary>A joint submission to the given State's review, with the partner signed on; each world its own review cycle.</summary>
    public static async Task<SubmissionsWorld> CreateAsync(SpeanApp app, string state = "KHM", int? cycle = null, DateTime? deadline = null, bool partnerSigns = true)
    {
        var lead = await OrganisationAsync(app, "Lead " + Guid.NewGuid().ToString("N")[..6]);
        var partner = await OrganisationAsync(app, "Partner " + Guid.NewGuid().ToString("N")[..6]);
        var outsider = await OrganisationAsync(app, "Outsider " + Guid.NewGuid().ToString("N")[..6]);
        var (_, leadCoordinator) = await PersonAsync(app, Role.Coordinator, lead);
        var (_, leadMember) = await PersonAsync(app, Role.Member, lead);
        var (_, partnerCoordinator) = await PersonAsync(app, Role.Coordinator, partner);
        var (_, partnerMember) = await PersonAsync(app, Role.Member, partner);
        var (_, outsiderCoordinator) = await PersonAsync(app, Role.Coordinator, outsider);
        using var created = await leadCoordinator.PostAsJsonAsync(Api, new
        {
            title = "Joint submission on land and justice", stateIso3 = state, cycle = cycle ?? Random.Shared.Next(5, 21), kind = "Joint",
            session = 50, reviewDate = "2029-01-20", deadlineUtc = deadline ?? new DateTime(2028, 7, 12, 10, 0, 0, DateTimeKind.Utc),
            descriptionEn = "A human rights organisation founded in 2002.", descriptionKm = "អង្គការសិទ្ធិមនុស្ស",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.ReadJsonAsync();
        var world = new SubmissionsWorld(body.GetProperty("summary").GetProperty("id").GetGuid(), lead, partner, outsider, leadCoordinator, leadMember,
            partnerCoordinator, partnerMember, outsiderCoordinator, body);
        if (partnerSigns)
        {
            await OkAsync(leadCoordinator.PostAsJsonAsync($"{world.Of}/invitations", new { organisationId = partner }));
            await OkAsync(partnerCoordinator.PostAsJsonAsync($"{world.Of}/signature", new { descriptionEn = "A network of land activists.", descriptionKm = "បណ្ដាញសកម្មជនដីធ្លី" }));
        }
        return world;
    }

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> AddParagraphAsync(HttpClient client, Guid cluster, object paragraph) =>
        await OkAsync(client.PostAsJsonAsync($"{Of}/sections/{cluster}/paragraphs", paragraph), HttpStatusCode.Created);
}
