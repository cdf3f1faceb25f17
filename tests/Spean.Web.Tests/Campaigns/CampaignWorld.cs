using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Campaigns;

/// <summary>Two organisations with a member and a coordinator each, and clients acting as them.</summary>
public sealed class CampaignWorld
{
    public required Guid OrganisationA { get; init; }
    public required Guid OrganisationB { get; init; }
    public required SpeanUser MemberA { get; init; }
    public required SpeanUser CoordinatorA { get; init; }
    public required SpeanUser MemberB { get; init; }
    public required HttpClient A { get; init; }
    public required HttpClient CoordinatorClientA { get; init; }
    public required HttpClient B { get; init; }
    public required HttpClient CoordinatorClientB { get; init; }

    public static async Task<CampaignWorld> CreateAsync(SpeanApp app)
    {
        var (a, b) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var a = new Organisation { Name = "Campaign Org A " + Guid.NewGuid().ToString("N")[..6] };
            var b = new Organisation { Name = "Campaign Org B " + Guid.NewGuid().ToString("N")[..6] };
            db.Organisations.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var memberA = await app.CreateUserAsync(Role.Member, organisationId: a);
        var coordinatorA = await app.CreateUserAsync(Role.Coordinator, organisationId: a);
        var memberB = await app.CreateUserAsync(Role.Member, organisationId: b);
        var coordinatorB = await app.CreateUserAsync(Role.Coordinator, organisationId: b);
        return new CampaignWorld
        {
            OrganisationA = a, OrganisationB = b, MemberA = memberA, CoordinatorA = coordinatorA, MemberB = memberB,
            A = await app.ClientForAsync(memberA), CoordinatorClientA = await app.ClientForAsync(coordinatorA),
            B = await app.ClientForAsync(memberB), CoordinatorClientB = await app.ClientForAsync(coordinatorB),
        };
    }

    public static async Task<JsonElement> StartAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/campaigns", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static Guid Id(JsonElement campaign) => campaign.GetProperty("campaign").GetProperty("id").GetGuid();

    public static IEnumerable<JsonElement> Objectives(JsonElement campaign) =>
        campaign.GetProperty("goals").EnumerateArray().SelectMany(g => g.GetProperty("objectives").EnumerateArray());

    public static IEnumerable<JsonElement> Actions(JsonElement campaign) =>
        Objectives(campaign).SelectMany(o => o.GetProperty("actions").EnumerateArray());
}
