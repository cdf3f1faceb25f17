using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Implementation.AssessmentApiTests;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Implementation;

/// <summary>The recommendation page shows its assessments, the coalition's highlighted, disagreement and history, in both languages.</summary>
public abstract class AssessmentPagesTests(SpeanApp app)
{
    [Fact]
    public async Task The_recommendation_page_shows_current_assessments_the_consolidated_one_disagreement_history_and_linked_reports()
    {
        var a = await OrganisationAsync(app, "Alpha");
        var b = await OrganisationAsync(app, "Beta");
        var (_, memberA) = await PersonAsync(app, Role.Member, a);
        var (_, memberB) = await PersonAsync(app, Role.Member, b);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var recommendation = await RecommendationAsync(app);
        var report = await FileAsync(memberA, Input("Evictions in Preah Vihear", "Network"));
        await MoveOkAsync(memberA, report, "Submitted");

        await RecordOkAsync(memberA, new { recommendationIds = new[] { recommendation }, status = "FullyImplemented", asOf = "2025-01-10", narrativeEn = "Old view of A." });
        await RecordOkAsync(memberA, new
        {
            recommendationIds = new[] { recommendation }, status = "PartiallyImplemented", asOf = "2025-02-10", narrativeEn = "Newer view of A.",
            evidence = new object[] { new { kind = "FieldReport", reportId = report }, new { kind = "PublicSource", url = "https://example.org/a", title = "Press report" } },
        });
        await RecordOkAsync(memberB, new { recommendationIds = new[] { recommendation }, status = "NotImplemented", asOf = "2025-03-01", narrativeKm = "មិនទាន់អនុវត្តទេ" });
        await RecordOkAsync(coordinator, new { recommendationIds = new[] { recommendation }, status = "CannotBeAssessed", asOf = "2025-01-01", consolidated = true });

        var html = await memberB.GetStringAsync($"/recommendations/{recommendation}");
        var section = html[html.IndexOf("id=\"implementation\"", StringComparison.Ordinal)..];
        Assert.Contains("Status that counts: Cannot be assessed", section);
        Assert.Contains("assessment consolidated", section);
        Assert.Contains("The organisations&#x27; current assessments disagree.", section);
        Assert.Contains("History (4 assessments)", section);
        Assert.Contains("Old view of A.", section);
        Assert.Contains("superseded", section);
        Assert.Contains("មិនទាន់អនុវត្តទេ", section);
        Assert.Contains($"href=\"/reports/{report}\">Evictions in Preah Vihear</a>", section);
        Assert.Contains("href=\"https://example.org/a\" rel=\"noopener noreferrer\">Press report</a>", section);

        var km = await memberB.GetStringAsync($"/recommendations/{recommendation}?culture=km");
        Assert.Contains("ការវាយតម្លៃរួមរបស់សម្ព័ន្ធ", km);
        Assert.Contains("មិនអាចវាយតម្លៃបាន", km);
        Assert.DoesNotContain("Status that counts", km);
    }

    [Fact]
    public async Task A_coordinator_publishes_from_the_page_and_only_then_visitors_see_the_assessment()
    {
        var a = await OrganisationAsync(app, "Alpha");
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var recommendation = await RecommendationAsync(app);
        var recorded = await RecordOkAsync(coordinator, new
        {
            recommendationIds = new[] { recommendation }, status = "NotImplemented", asOf = "2025-01-10", consolidated = true, narrativeEn = "Coalition narrative.",
        });
        var id = recorded.GetProperty("assessments")[0].GetProperty("id").GetGuid();
        var page = $"/recommendations/{recommendation}";
        Assert.DoesNotContain("Coalition narrative.", await app.AnonymousClient().GetStringAsync(page));

        using var response = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Publish"] = $"{id}:True" }, formName: "assessment-publication");
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.SeeOther, response.StatusCode.ToString());
        var published = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Assessments.SingleAsync(x => x.Id == id));
        Assert.True(published.Published);
        var visitor = await app.AnonymousClient().GetStringAsync(page);
        Assert.Contains("Coalition narrative.", visitor);
        Assert.DoesNotContain("recorded by", visitor);
    }
}

public sealed class SqliteAssessmentPagesTests(SqliteApp app) : AssessmentPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAssessmentPagesTests(PostgresApp app) : AssessmentPagesTests(app), IClassFixture<PostgresApp>;

/// <summary>"Recommended before" meets implementation: an earlier recommendation the State accepted shows how far it was implemented.</summary>
[Collection(nameof(RecommendationsApp))]
public sealed class RecurrenceAssessmentTests(RecommendationsApp app)
{
    private const string DenmarkSession18 = "Establish an independent national preventive mechanism with the necessary mandate";
    private const string DenmarkSession6 = "Build on progress towards the establishment of an independent national preventive mechanism";

    [Fact]
    public async Task Recommended_before_shows_the_earlier_recommendations_counting_status_to_visitors_once_published()
    {
        var later = await FindAsync(18, DenmarkSession18);
        var earlier = await FindAsync(6, DenmarkSession6);
        var a = await OrganisationAsync(app, "Alpha");
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        await RecordOkAsync(coordinator, new { recommendationIds = new[] { earlier }, status = "NotImplemented", asOf = "2019-01-10", consolidated = true, published = true });

        var html = await app.AnonymousClient().GetStringAsync($"/recommendations/{later}");
        var section = html[html.IndexOf("id=\"before\"", StringComparison.Ordinal)..];
        var row = section[section.IndexOf($"href=\"/recommendations/{earlier}\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>Not implemented</td>", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);

        var report = await app.AnonymousClient().GetStringAsync("/recommendations/states/KHM");
        var cell = report[report.IndexOf($"href=\"/recommendations/{earlier}\"", StringComparison.Ordinal)..];
        Assert.Contains("Assessed status: <strong>Not implemented</strong>", cell[..cell.IndexOf("</td>", StringComparison.Ordinal)]);
    }

    private Task<Guid> FindAsync(int session, string text) => app.WithScopeAsync(services =>
        services.GetRequiredService<SpeanDbContext>().Recommendations
            .Where(r => r.StateUnderReviewIso3 == "KHM" && r.Session == session && r.Text.StartsWith(text)).Select(r => r.Id).FirstAsync());
}
