using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Implementation;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Implementation;

/// <summary>Selecting recommendations in a search and assessing them together in the bulk form.</summary>
public abstract class BulkAssessmentTests(SpeanApp app)
{
    private Task<Guid> RecommendationAsync(string text) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var recommendation = new Recommendation
        {
            ImportKey = Guid.NewGuid().ToString("N"), Text = text, StateUnderReviewIso3 = "KHM",
            Session = 46, Cycle = 4, Response = RecommendationResponse.Supported, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync();
        return recommendation.Id;
    });

    private Task<List<Assessment>> AssessmentsOfAsync(params Guid[] ids) => app.WithScopeAsync(services =>
        services.GetRequiredService<SpeanDbContext>().Assessments.Include(a => a.Evidence).Where(a => ids.Contains(a.RecommendationId)).ToListAsync());

    [Fact]
    public async Task A_member_ticks_recommendations_in_a_search_and_records_one_assessment_for_each_with_evidence()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var first = await RecommendationAsync($"Guarantee land tenure {word} for communities");
        var second = await RecommendationAsync($"Stop forced evictions {word} in Phnom Penh");
        var report = await FileAsync(member, Input("Eviction at Boeung Kak", "Organisation"));
        await MoveOkAsync(member, report, "Submitted");

        // The search is rebuilt at most once a second; wait until it knows the new recommendations.
        string search = "";
        for (var tries = 0; tries < 20 && !search.Contains(second.ToString(), StringComparison.Ordinal); tries++)
        {
            await Task.Delay(300);
            search = await member.GetStringAsync($"/recommendations?q={word}");
        }
        Assert.Contains($"name=\"ids\" value=\"{first}\" form=\"assess-selected\"", search);
        Assert.Contains($"href=\"/implementation/assess?q={word}\"", search);
        Assert.DoesNotContain("form=\"assess-selected\"", await app.AnonymousClient().GetStringAsync($"/recommendations?q={word}"));

        var all = await member.GetStringAsync($"/implementation/assess?q={word}");
        Assert.Contains("2 recommendation(s) selected", all);

        var page = $"/implementation/assess?ids={first}&ids={second}&reportq=Boeung";
        var form = await member.GetStringAsync(page);
        Assert.Contains("Eviction at Boeung Kak", form);
        Assert.DoesNotContain("Form.Consolidated", form);
        var fields = new Dictionary<string, string>
        {
            ["Form.Ids"] = first.ToString(), ["Form.Status"] = "PartiallyImplemented", ["Form.AsOf"] = "2025-04-01",
            ["Form.NarrativeEn"] = "Titles issued in one commune only.", ["Form.ReportIds"] = report.ToString(),
            ["Form.Sources[0].Url"] = "https://example.org/titles", ["Form.Sources[0].Title"] = "Titling figures", ["Form.Sources[0].Date"] = "2025-03-01",
            ["Form.Statements[0].Title"] = "Minister's speech",
        };
        var prepared = await member.PrepareAsync(page);
        using var response = await member.PostAsync(page, new FormUrlEncodedContent(
            [.. fields, new("Form.Ids", second.ToString()), new("__RequestVerificationToken", prepared.Token), new("_handler", prepared.Handler)]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Recorded 2 assessment(s).", html);

        var saved = await AssessmentsOfAsync(first, second);
        Assert.Equal(2, saved.Count);
        Assert.All(saved, s =>
        {
            Assert.Equal(ImplementationStatus.PartiallyImplemented, s.Status);
            Assert.Equal(a, s.OrganisationId);
            Assert.Equal([AssessmentEvidenceKind.FieldReport, AssessmentEvidenceKind.PublicSource, AssessmentEvidenceKind.GovernmentStatement],
                s.Evidence.Select(e => e.Kind).Order());
        });
    }

    [Fact]
    public async Task The_bulk_form_refuses_a_bad_address_and_a_future_date_and_records_nothing()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var first = await RecommendationAsync("Ratify the convention on " + Guid.NewGuid().ToString("N")[..6]);
        var page = $"/implementation/assess?ids={first}";

        using var response = await member.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Form.Ids"] = first.ToString(), ["Form.Status"] = "NotImplemented", ["Form.AsOf"] = "2999-01-01",
            ["Form.Sources[0].Url"] = "javascript:alert(1)", ["Form.Sources[0].Title"] = "x",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"AsOfInFuture\"", html);
        Assert.Contains("data-code=\"NotAWebAddress\"", html);
        Assert.Contains("is not a web address (http or https)", html[html.IndexOf("role=\"alert\"", StringComparison.Ordinal)..][..800]);
        Assert.Empty(await AssessmentsOfAsync(first));

        using var km = await member.SubmitAsync(page + "&culture=km", new Dictionary<string, string>
        {
            ["Form.Ids"] = first.ToString(), ["Form.Status"] = "NotImplemented", ["Form.AsOf"] = "2999-01-01",
        });
        Assert.Contains("កាលបរិច្ឆេទដែលបានបញ្ជាក់ស្ថិតនៅពេលអនាគត", await km.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Visitors_and_viewers_cannot_open_the_bulk_form()
    {
        using var anonymous = await app.AnonymousClient().GetAsync("/implementation/assess");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        var viewer = await app.ClientForAsync(Role.Viewer);
        using var refused = await viewer.GetAsync("/implementation/assess");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}

public sealed class SqliteBulkAssessmentTests(SqliteApp app) : BulkAssessmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBulkAssessmentTests(PostgresApp app) : BulkAssessmentTests(app), IClassFixture<PostgresApp>;
