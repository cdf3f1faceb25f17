using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Stakeholders;

internal static class StakeholdersWorld
{
    public const string Api = "/api/v1/stakeholders";

    public static async Task<JsonElement> AddOkAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(Api, request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<Guid> AddAsync(HttpClient client, object request) => (await AddOkAsync(client, request)).GetProperty("id").GetGuid();

    /// <summary>A person with a marker in every name and contact field, so a leak of any of them can be looked for.</summary>
    /// <param name="word">A word of the Latin name to find the person by; names are found by the start of a word.</param>
    public static object Person(string marker, string confidentiality, IEnumerable<Guid>? readers = null, string? word = null) => new
    {
        kind = "Person",
        nameLatin = word is null ? $"Sok {marker}" : $"Sok {marker} {word}",
        nameKhmer = $"សុខ {marker}",
        level = "Local",
        adminUnitCode = "130101",
        confidentiality,
        readerIds = readers ?? [],
        tags = new[] { "land" },
        contacts = new { phone = $"+855 12 {marker}", email = $"{marker.ToLowerInvariant()}@example.org", messaging = $"@tg{marker}", notes = $"Note {marker}" },
    };

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query) => await client.GetJsonAsync($"{Api}?{query}");
}
