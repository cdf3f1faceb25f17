using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class RecommendationImportTests(RecommendationsApp app)
{
    [Fact]
    public async Task Shipped_recommendations_load_on_first_start_and_importing_them_again_changes_nothing()
    {
        var again = await ImportAsync(UprInfoCsv.Read(RecommendationImporter.ShippedFile));

        Assert.Equal((0, 0), (again.Created, again.Updated));
        Assert.Equal(35_469, again.Unchanged + again.Rejected.Count);
        Assert.Equal(4, again.Rejected.Count);
        Assert.All(again.Rejected, r => Assert.Contains("same recommendation as line", r.Reason));
        var cambodia = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Recommendations
            .Where(r => r.StateUnderReviewIso3 == "KHM" && r.Session == 18)
            .GroupBy(r => r.Response).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(163, cambodia.Single(c => c.Key == RecommendationResponse.Supported).Count);
        Assert.Equal(42, cambodia.Single(c => c.Key == RecommendationResponse.Noted).Count);
    }

    [Fact]
    public async Task A_corrected_row_updates_only_that_recommendation_and_a_dry_run_writes_nothing()
    {
        var text = $"Adopt a law protecting land rights {Guid.NewGuid():N}";
        var original = Row(text, "Noted", 5, ["Right to land"]);
        await ImportAsync(new UprInfoFile([original], []));

        var dryRun = await ImportAsync(new UprInfoFile([original with { Response = "Supported" }], []), dryRun: true);
        var corrected = await ImportAsync(new UprInfoFile([original with { Response = "Supported", Issues = ["Right to land", "Justice"] }], []));

        Assert.Equal(1, dryRun.Updated);
        Assert.Equal(1, corrected.Updated);
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Recommendations.Include(r => r.Issues)
            .SingleAsync(r => r.Text == text));
        Assert.Equal(RecommendationResponse.Supported, stored.Response);
        Assert.Equal(["Justice", "Right to land"], stored.Issues.Select(i => i.Issue).Order());
    }

    [Fact]
    public async Task A_row_for_an_unknown_State_is_rejected_with_its_line()
    {
        var report = await ImportAsync(new UprInfoFile([Row("Respect rights", "Noted", 4, []) with { StateUnderReview = "Atlantis", Line = 7 }], []));

        Assert.Equal(0, report.Created);
        Assert.Equal(7, report.Rejected.Single().Line);
        Assert.Contains("Atlantis", report.Rejected.Single().Reason);
    }

    private static UprInfoRow Row(string text, string response, int category, List<string> issues) =>
        new(2, "Cambodia", text, "Viet Nam", response, category, issues, Session: 40, Cycle: 3, "Asia", "Asia", ["ASEAN"], ["ASEAN"]);

    private Task<RecommendationImportReport> ImportAsync(UprInfoFile file, bool dryRun = false) =>
        app.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>().ImportAsync(file, dryRun));
}
