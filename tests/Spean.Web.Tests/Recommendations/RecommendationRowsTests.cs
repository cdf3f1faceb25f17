using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>
/// The search reads the rows it shows and exports by their ids, a batch at a time, with the lists each row holds:
/// on both databases, a match larger than one batch comes out whole, each row with its own States and issues.
/// </summary>
public abstract class RecommendationRowsTests(SpeanApp app)
{
    private const int Planted = 620; // more than one batch of 500

    [Fact]
    public async Task A_match_larger_than_a_batch_is_exported_whole_with_each_rows_States_and_issues()
    {
        var (word, planted) = await PlantAsync();
        var client = app.AnonymousClient();

        using var response = await client.GetAsync($"/api/v1/recommendations/export.csv?q={word}");
        var rows = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(planted.Keys.Order(), rows.Select(r => Guid.Parse(r["Id"])).Order());
        Assert.All(rows, r => Assert.Equal(planted[Guid.Parse(r["Id"])], (r["Recommending States"], Sorted(r["Issues"]))));

        var page = await client.GetJsonAsync($"/api/v1/recommendations?q={word}&pageSize=100");
        Assert.Equal(Planted, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal(
            planted[item.GetProperty("id").GetGuid()].States,
            string.Join("; ", item.GetProperty("recommendingStates").EnumerateArray().Select(s => s.GetProperty("name").GetString()))));
    }

    private static string Sorted(string joined) => string.Join("; ", joined.Split("; ").Order(StringComparer.Ordinal));

    /// <returns>The word only these recommendations hold, and each one's States and issues as the export joins them.</returns>
    private async Task<(string Word, Dictionary<Guid, (string States, string Issues)> Planted)> PlantAsync() =>
        await app.WithScopeAsync(async services =>
        {
            var word = $"zq{Guid.NewGuid():N}"[..12];
            string[] states = ["France", "Japan", "Viet Nam"], issues = ["Right to land", "Justice", "Women's rights"];
            var db = services.GetRequiredService<SpeanDbContext>();
            var planted = new Dictionary<Guid, (string, string)>();
            for (var i = 0; i < Planted; i++)
            {
                var recommendation = new Recommendation
                {
                    ImportKey = Guid.NewGuid().ToString("N"), Text = $"Guarantee the right {word} number {i}", StateUnderReviewIso3 = "KHM",
                    Session = 40, Cycle = 4, Response = RecommendationResponse.Pending, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                };
                recommendation.RecommendingStates.Add(new RecommendingState { Name = states[i % 3] });
                recommendation.Issues.Add(new RecommendationIssue { Issue = issues[i % 3] });
                if (i % 2 == 0) recommendation.Issues.Add(new RecommendationIssue { Issue = issues[(i + 1) % 3] });
                db.Recommendations.Add(recommendation);
                planted[recommendation.Id] = (states[i % 3], Sorted(string.Join("; ", recommendation.Issues.Select(s => s.Issue))));
            }
            await db.SaveChangesAsync();
            services.GetRequiredService<RecommendationSearch>().MarkStale();
            return (word, planted);
        });
}

public sealed class SqliteRecommendationRowsTests(SqliteApp app) : RecommendationRowsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRecommendationRowsTests(PostgresApp app) : RecommendationRowsTests(app), IClassFixture<PostgresApp>;
