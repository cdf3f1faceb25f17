using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Implementation;

/// <summary>On the report's page its author links it to recommendations and concessions; the recommendation's page then lists it.</summary>
public abstract class ReportLinksPageTests(SpeanApp app)
{
    [Fact]
    public async Task The_author_links_a_filed_report_to_a_recommendation_found_by_paragraph_and_to_a_concession_and_removes_them()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, other) = await PersonAsync(app, Role.Member, b);
        var paragraph = "110." + Random.Shared.Next(1000, 9999);
        var recommendation = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var r = new Recommendation
            {
                ImportKey = Guid.NewGuid().ToString("N"), Text = "Investigate the clearing of community forest", StateUnderReviewIso3 = "KHM", Paragraph = paragraph,
                Session = 46, Cycle = 4, Response = RecommendationResponse.Supported, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var report = await FileAsync(author, Input("Forest cleared in Prey Lang", "Network"));
        await MoveOkAsync(author, report, "Submitted");
        var page = $"/reports/{report}";

        Assert.DoesNotContain("id=\"links\"", await other.GetStringAsync(page));
        var found = await author.GetStringAsync($"{page}?linkq={paragraph}");
        Assert.Contains($"r:{recommendation}\"", found);

        async Task ChangeAsync(string change)
        {
            using var response = await author.SubmitAsync(page, new Dictionary<string, string> { ["Change"] = change }, formName: "report-links");
            Assert.True((int)response.StatusCode < 400, await response.Content.ReadAsStringAsync());
        }
        Task<(List<Guid>, List<string>)> LinksAsync() => app.WithScopeAsync(async services =>
        {
            var saved = await services.GetRequiredService<SpeanDbContext>().Reports.AsNoTracking().SingleAsync(r => r.Id == report);
            return (saved.RecommendationIds, saved.ConcessionIds);
        });

        await ChangeAsync($"+r:{recommendation}");
        await ChangeAsync("+c:mining-199");
        var (recommendations, concessions) = await LinksAsync();
        Assert.Equal([recommendation], recommendations);
        Assert.Equal(["mining-199"], concessions);
        var listed = await other.GetStringAsync($"/recommendations/{recommendation}");
        Assert.Contains($"href=\"/reports/{report}\">Forest cleared in Prey Lang</a>", listed);
        Assert.Contains("Wuhan Steel", await author.GetStringAsync(page));

        await ChangeAsync($"-r:{recommendation}");
        await ChangeAsync("-c:mining-199");
        (recommendations, concessions) = await LinksAsync();
        Assert.Empty(recommendations);
        Assert.Empty(concessions);
        Assert.Contains("ភ្ជាប់ទៅអនុសាសន៍ និងសម្បទាន", await author.GetStringAsync($"{page}?culture=km"));
    }
}

public sealed class SqliteReportLinksPageTests(SqliteApp app) : ReportLinksPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportLinksPageTests(PostgresApp app) : ReportLinksPageTests(app), IClassFixture<PostgresApp>;
