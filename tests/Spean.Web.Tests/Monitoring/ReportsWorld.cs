using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Two organisations and their people, filing and reviewing reports through the API.</summary>
internal static class ReportsWorld
{
    public const string PreahVihearCommune = "130101";

    public static Task<Guid> OrganisationAsync(SpeanApp app, string name) => app.WithScopeAsync(async services =>
    {
        var organisation = new Organisation { Name = name + " " + Guid.NewGuid().ToString("N")[..6] };
        var db = services.GetRequiredService<SpeanDbContext>();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    public static async Task<(SpeanUser User, HttpClient Client)> PersonAsync(SpeanApp app, Role role, Guid organisation)
    {
        var user = await app.CreateUserAsync(role, organisationId: organisation);
        return (user, await app.ClientForAsync(user));
    }

    public static object Input(string title, string confidentiality = "Network", Guid? clientId = null, IEnumerable<Guid>? readers = null, string place = PreahVihearCommune, string? narrative = null) => new
    {
        clientId = clientId ?? Guid.NewGuid(),
        title,
        narrative = narrative ?? $"{title}: an excavator cleared the forest near the village. ការជីកយករ៉ែ",
        category = "mining",
        occurredFrom = "2025-03-14",
        adminUnitCode = place,
        latitude = 13.8,
        longitude = 104.98,
        affectedWomen = 3,
        affectedMen = 2,
        confidentiality,
        readerIds = readers ?? [],
    };

    public static async Task<Guid> FileAsync(HttpClient author, object input)
    {
        using var response = await author.PostAsJsonAsync("/api/v1/reports", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, string to, string? reason = null) =>
        await client.PostAsJsonAsync($"/api/v1/reports/{id}/transitions", new { to, reason });

    public static async Task MoveOkAsync(HttpClient client, Guid id, string to, string? reason = null)
    {
        using var response = await MoveAsync(client, id, to, reason);
        Assert.True(response.IsSuccessStatusCode, $"→ {to}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task AddPersonAsync(HttpClient client, Guid id, string name)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/reports/{id}/people", new { role = "Witness", name, contact = "012 345 678", sex = "Female" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
