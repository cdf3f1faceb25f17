using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Two organisations and their people, filing and reviewing reports through the API.</summary>
internal static class ReportsWorld
{
    public const string PreahVihearCommune = "130101";
    public const string WitnessContact = "012 345 678";

    public static Task<Guid> OrganisationAsync(SpeanApp app, string name) => app.WithScopeAsync(async services =>
    {
        var organisation = new Organisation { Name = name + " " + Guid.NewGuid().ToString("N")[..6] };
        var db = services.GetRequiredService<SpeanDbContext>();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    public static Task<Guid> RecommendationAsync(SpeanApp app) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var recommendation = new Recommendation
        {
            ImportKey = Guid.NewGuid().ToString("N"), Text = "Protect the land rights of indigenous communities", StateUnderReviewIso3 = "KHM",
            Session = 46, Cycle = 4, Response = RecommendationResponse.Supported, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync();
        return recommendation.Id;
    });

    public static async Task<(SpeanUser User, HttpClient Client)> PersonAsync(SpeanApp app, Role role, Guid organisation)
    {
        var user = await app.CreateUserAsync(role, organisationId: organisation);
        return (user, await app.ClientForAsync(user));
    }

    public static object Input(
        string title, string confidentiality = "Network", Guid? clientId = null, IEnumerable<Guid>? readers = null, string place = PreahVihearCommune, string? narrative = null,
        string category = "mining", string occurredFrom = "2025-03-14") => new
    {
        clientId = clientId ?? Guid.NewGuid(),
        title,
        narrative = narrative ?? $"{title}: an excavator cleared the forest near the village. ការជីកយករ៉ែ",
        category,
        occurredFrom,
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
        using var response = await client.PostAsJsonAsync($"/api/v1/reports/{id}/people", new { role = "Witness", name, contact = WitnessContact, sex = "Female" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends a file as the report page's script does: multipart with the SHA-256 and an upload id.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] content, string name = "photo.jpg", string? sha256 = null, Guid? uploadId = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        form.Add(new StringContent(sha256 ?? Convert.ToHexStringLower(SHA256.HashData(content))), "sha256");
        form.Add(new StringContent((uploadId ?? Guid.NewGuid()).ToString()), "clientUploadId");
        return await client.PostAsync($"/api/v1/reports/{id}/evidence", form);
    }

    public static async Task<Guid> UploadOkAsync(HttpClient client, Guid id, byte[] content, string name = "photo.jpg")
    {
        using var response = await UploadAsync(client, id, content, name);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task PublishAsync(HttpClient author, HttpClient coordinator, Guid id)
    {
        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(coordinator, id, "UnderReview");
        await MoveOkAsync(coordinator, id, "Verified");
        await MoveOkAsync(coordinator, id, "Published");
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
