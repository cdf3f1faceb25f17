using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Taxonomies;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;
using Spean.Web.Tests.Recommendations;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Implementation;

/// <summary>
/// Two assessments of the crawl's recommendation by the Author, each citing every planted report (the Restricted one and
/// the draft included) and a document: one published (its narratives and document title for everyone), one not (for
/// signed-in readers only, the agreed rule). Every report is also linked to the recommendation.
/// </summary>
internal sealed class ImplementationCrawlWorld : ICrawlWorld
{
    public int Order => 20;

    public async Task PlantAsync(CrawlContext context)
    {
        var author = context.Client(CrawlRole.Author);
        var reports = context.Shared<CrawlReports>().Ids.Values.ToList();
        var recommendation = context.Shared<CrawlRecommendation>().Id;
        var unpublishedRecommendation = await ReportsWorld.RecommendationAsync(context.App);
        foreach (var report in reports)
            using (var linked = await author.PutAsync($"/api/v1/implementation/reports/{report}/recommendations/{recommendation}", null))
                Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);

        var assessments = new List<Guid>();
        foreach (var (about, published) in new[] { (recommendation, true), (unpublishedRecommendation, false) })
        {
            var readers = published ? CrawlRoles.Everyone : CrawlRoles.SignedIn;
            var kind = published ? "published" : "unpublished";
            using var recorded = await author.PostAsJsonAsync("/api/v1/implementation/assessments", new
            {
                recommendationIds = new[] { about }, status = "PartiallyImplemented", asOf = "2025-06-01",
                narrativeEn = context.Canary($"a {kind} assessment's English narrative", readers),
                narrativeKm = "ការវាយតម្លៃ " + context.Canary($"a {kind} assessment's Khmer narrative", readers),
                evidence = reports.Select(r => (object)new { kind = "FieldReport", reportId = r })
                    .Append(new { kind = "PublicSource", url = "https://example.org/evidence", title = context.Canary($"a {kind} assessment's document title", readers), date = "2025-05-01" }).ToArray(),
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
            var id = (await recorded.ReadJsonAsync()).GetProperty("assessments")[0].GetProperty("id").GetGuid();
            assessments.Add(id);
            if (!published) continue;
            using var publication = await context.Client(CrawlRole.Coordinator).PutAsJsonAsync($"/api/v1/implementation/assessments/{id}/published", new { published = true });
            Assert.Equal(HttpStatusCode.NoContent, publication.StatusCode);
        }

        var concession = await context.App.WithScopeAsync(services =>
            services.GetRequiredService<SpeanDbContext>().Set<Concession>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        context.Parameter("/recommendations/{Id}", "Id", unpublishedRecommendation);
        context.Parameter("/api/v1/implementation/recommendations/{id}", "id", recommendation, unpublishedRecommendation);
        context.Parameter("/api/v1/implementation/assessments/{id}", "id", assessments);
        context.Parameter("/api/v1/implementation/reports/{id}", "id", reports);
        context.Parameter("/api/v1/implementation/reports/{id}", "recommendationId", recommendation);
        context.Parameter("/api/v1/implementation/reports/{id}", "concessionId", concession);
        context.Parameter("/api/v1/implementation/scorecards/{iso3}/{cycle}/charts", "chart", "status", "issues", "recommending", "categories");
    }
}
