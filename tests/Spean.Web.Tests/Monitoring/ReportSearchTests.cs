using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Searching reports by their words, English and Khmer, in the list, the API and the exports, within what the caller may see.</summary>
public abstract class ReportSearchTests(SpeanApp app)
{
    private const string KhmerEviction = "ក្រុមហ៊ុនបានបណ្តេញអ្នកភូមិចេញពីដីធ្លីរបស់ពួកគេកាលពីម្សិលមិញ";

    [Fact]
    public async Task Words_find_reports_in_the_list_the_api_and_the_exports_with_counts_over_the_visible_matches()
    {
        var organisation = await OrganisationAsync(app, "Searchers");
        var other = await OrganisationAsync(app, "Outsiders");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, colleague) = await PersonAsync(app, Role.Member, organisation);
        var (reader, readerClient) = await PersonAsync(app, Role.Member, other);
        var (_, outsider) = await PersonAsync(app, Role.Coordinator, other);

        var eviction = await FileAsync(author, Input($"Evictions at Boeung {tag}", "Network", narrative: $"Families evicted {tag}. {KhmerEviction}", category: "land"));
        var logging = await FileAsync(author, Input($"Logging trucks {tag}", "Network", narrative: $"Trucks at night {tag}; ព្រៃឈើត្រូវបានកាប់"));
        var hidden = await FileAsync(author, Input($"Secret eviction of Sokha {tag}", "Restricted", readers: [reader.Id], narrative: $"Kept {tag}.", category: "land"));
        foreach (var id in new[] { eviction, logging, hidden }) await MoveOkAsync(author, id, "Submitted");

        async Task<(int Total, List<string> Titles, JsonElement Json)> ListAsync(HttpClient client, string query)
        {
            var json = await client.GetJsonAsync($"/api/v1/reports?q={Uri.EscapeDataString(query)}&pageSize=100");
            return (json.GetProperty("total").GetInt32(), json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).Order().ToList(), json);
        }

        // English words, the start of a word, every word required, any case.
        Assert.Equal([$"Evictions at Boeung {tag}"], (await ListAsync(colleague, $"evict {tag}")).Titles);
        Assert.Equal([$"Evictions at Boeung {tag}", $"Logging trucks {tag}"], (await ListAsync(colleague, tag.ToUpperInvariant())).Titles);
        Assert.Equal(0, (await ListAsync(colleague, $"evictions trucks {tag}")).Total);
        // A Khmer word inside Khmer text written without spaces, and the start of a Khmer word.
        Assert.Equal([$"Evictions at Boeung {tag}"], (await ListAsync(colleague, $"ដីធ្លី {tag}")).Titles);
        Assert.Equal([$"Logging trucks {tag}"], (await ListAsync(colleague, $"ព្រៃ {tag}")).Titles);
        Assert.Equal([$"Evictions at Boeung {tag}"], (await ListAsync(colleague, $"បណ្ដេញ {tag}")).Titles);

        // The Restricted report: its named reader finds it; no one else finds it or a count of it.
        Assert.Equal([$"Secret eviction of Sokha {tag}"], (await ListAsync(readerClient, $"Sokha {tag}")).Titles);
        foreach (var client in new[] { colleague, outsider })
        {
            var (total, _, json) = await ListAsync(client, $"Sokha {tag}");
            Assert.Equal(0, total);
            Assert.Empty(json.GetProperty("byConfidentiality").EnumerateObject());
            Assert.Empty(json.GetProperty("byCategory").EnumerateObject());
        }
        var evictions = (await ListAsync(colleague, $"eviction {tag}")).Json;
        Assert.Equal(1, evictions.GetProperty("total").GetInt32());
        Assert.Equal(1, evictions.GetProperty("byCategory").GetProperty("land").GetInt32());
        Assert.False(evictions.GetProperty("byConfidentiality").TryGetProperty("Restricted", out _));

        var page = await colleague.GetStringAsync($"/reports?q={Uri.EscapeDataString($"ដីធ្លី {tag}")}");
        Assert.Contains($"Evictions at Boeung {tag}", page);
        Assert.DoesNotContain($"Logging trucks {tag}", page);
        Assert.Contains("1 reports", page);
        Assert.Contains($"href=\"/api/v1/reports/export.csv?q={Uri.EscapeDataString($"ដីធ្លី {tag}")}\"", page);
        var none = await colleague.GetStringAsync($"/reports?q=Sokha+{tag}");
        Assert.Contains("0 reports", none);
        Assert.Contains("No report you may see contains all of", none);
        Assert.DoesNotContain("Secret eviction", none);

        foreach (var file in new[] { "export.csv", "export.xlsx" })
        {
            var url = $"/api/v1/reports/{file}?q={Uri.EscapeDataString($"eviction {tag}")}";
            using var response = await colleague.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var rows = ExportFiles.Read(url, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal([eviction.ToString()], rows.Select(r => r["Id"]));
        }
        var audited = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .Where(e => e.Action == AuditAction.Exported).Select(e => e.Detail).ToListAsync());
        Assert.DoesNotContain(audited, d => d!.Contains(tag, StringComparison.Ordinal));
        Assert.Contains("reports exported as Csv: ?q=(words withheld)", audited);
    }

    [Fact]
    public async Task A_changed_draft_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var organisation = await OrganisationAsync(app, "Editors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clientId = Guid.NewGuid();
        var id = await FileAsync(author, Input($"Flooded rice fields {tag}", "Organisation", clientId: clientId));
        using var changed = await author.PutAsJsonAsync($"/api/v1/reports/{id}", Input($"Burned rice fields {tag}", "Organisation", clientId: clientId));
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        Assert.Equal(1, (await author.GetJsonAsync($"/api/v1/reports?q=burned+{tag}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await author.GetJsonAsync($"/api/v1/reports?q=flooded+{tag}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_search_too_long_is_refused_saying_how_long_it_may_be_and_q_is_documented()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/reports?q=" + new string('a', 201));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 200 characters", problem.GetProperty("detail").GetString());

        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/reports", "/api/v1/reports/export.csv", "/api/v1/reports/export.xlsx" })
        {
            var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray();
            var q = parameters.Single(p => p.GetProperty("name").GetString()!.Equals("q", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("Khmer", q.GetProperty("description").GetString());
        }
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteReportSearchTests(SqliteApp app) : ReportSearchTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresReportSearchTests(PostgresApp app) : ReportSearchTests(app);
