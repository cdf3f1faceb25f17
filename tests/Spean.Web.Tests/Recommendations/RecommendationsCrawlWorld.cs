using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Recommendations;

/// <summary>Cambodia's recommendation that other worlds assess and link, and a saved search whose name only its owner may read.</summary>
public sealed record CrawlRecommendation(Guid Id);

internal sealed class RecommendationsCrawlWorld : ICrawlWorld
{
    public int Order => 5;

    public async Task PlantAsync(CrawlContext context)
    {
        var id = await context.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var recommendation = new Recommendation
            {
                ImportKey = Guid.NewGuid().ToString("N"), Text = "Protect the land rights of indigenous communities", StateUnderReviewIso3 = "KHM",
                Session = 46, Cycle = 4, Response = RecommendationResponse.Supported, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            recommendation.RecommendingStates.Add(new RecommendingState { Name = "Norway", CountryIso3 = "NOR" });
            recommendation.Issues.Add(new RecommendationIssue { Issue = "Right to land" });
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
        context.Share(new CrawlRecommendation(id));
        context.Parameter("/recommendations/{Id}", "Id", id);
        context.Parameter("/api/v1/recommendations/{id}", "id", id);
        context.Parameter("*", "iso3", "KHM");
        context.Parameter("*", "cycle", 4);
        context.Parameter("*", "recommendingIso3", "NOR");
        context.Parameter("*", "Recommending", "NOR");

        context.Parameter("/api/v1/recommendations/statistics", "rows", "response");
        context.Parameter("/api/v1/recommendations/statistics", "columns", "cycle");
        context.Parameter("/api/v1/recommendations/statistics.csv", "rows", "response");
        context.Parameter("/api/v1/recommendations/statistics.csv", "columns", "cycle");
        context.Parameter("/api/v1/recommendations/statistics.svg", "rows", "response");
        context.Parameter("/api/v1/recommendations/statistics.svg", "columns", "cycle");

        // One saved search for each way of deleting one, so the form's delete leaves the API's something to delete.
        context.Parameter("/api/v1/recommendations/saved-searches/{id}", "id", await SaveAsync(context));
        context.Parameter("/recommendations/saved/{id}", "id", await SaveAsync(context));
    }

    private static async Task<Guid> SaveAsync(CrawlContext context)
    {
        using var saved = await context.Client(CrawlRole.Member).PostAsJsonAsync("/api/v1/recommendations/saved-searches",
            new { name = context.Canary("a Member's saved search's name", CrawlRole.Member), queryString = "q=land" });
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        return (await saved.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
