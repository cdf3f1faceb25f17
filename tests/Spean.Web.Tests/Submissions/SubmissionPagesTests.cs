using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Submissions.SubmissionsWorld;

namespace Spean.Web.Tests.Submissions;

/// <summary>The submission pages in both languages, what an outsider gets, and two people saving the same paragraph through the page.</summary>
public abstract class SubmissionPagesTests(SpeanApp app)
{
    [Fact]
    public async Task Signatories_read_the_section_in_Khmer_and_English_and_an_outsider_gets_a_plain_not_found()
    {
        var world = await CreateAsync(app);
        var land = world.Cluster(5);
        await world.AddParagraphAsync(world.LeadMember, land, new { textKm = "ការបណ្ដេញចេញដោយបង្ខំនៅតែបន្ត។" });
        var page = $"/submissions/{world.Id}/sections/{land}";

        var english = await world.PartnerMember.GetStringAsync(page);
        Assert.Contains("ការបណ្ដេញចេញដោយបង្ខំនៅតែបន្ត។", english);
        Assert.Contains("No English yet: translate before sending.", english);
        var khmer = await world.PartnerMember.GetStringAsync(page + "?culture=km");
        Assert.Contains("មិនទាន់មានភាសាអង់គ្លេស៖ សូមបកប្រែមុនផ្ញើ។", khmer);
        Assert.Contains("ដីធ្លី និងធនធានធម្មជាតិ", khmer);
        var overview = await world.PartnerMember.GetStringAsync($"/submissions/{world.Id}?culture=km");
        Assert.Contains("អង្គការដាក់ជូន", overview);
        Assert.Contains("បណ្ដាញសកម្មជនដីធ្លី", overview);

        foreach (var path in new[] { page, $"/submissions/{world.Id}", $"{page}/factsheet" })
        {
            using var response = await world.OutsiderCoordinator.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("ការបណ្ដេញចេញ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("land and justice", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("land and justice", await world.OutsiderCoordinator.GetStringAsync("/submissions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_lead_drafting_a_recommendation_has_the_smart_check_beside_each_language()
    {
        var world = await CreateAsync(app);
        var page = $"/submissions/{world.Id}/sections/{world.Cluster(5)}";

        var english = await world.LeadMember.GetStringAsync(page);
        var khmer = await world.LeadMember.GetStringAsync(page + "?culture=km");

        Assert.Contains("data-smart-check data-for=\"draft-en\" data-state=\"KHM\" data-language=\"En\"", english);
        Assert.Contains("data-smart-check data-for=\"draft-km\" data-state=\"KHM\" data-language=\"Km\"", english);
        Assert.Contains("<textarea id=\"draft-en\"", english);
        Assert.Contains("js/smart-check.js", khmer);
    }

    [Fact]
    public async Task Two_people_saving_one_paragraph_on_the_page_see_each_others_text_and_lose_neither()
    {
        var world = await CreateAsync(app);
        var land = world.Cluster(5);
        var id = (await world.AddParagraphAsync(world.LeadMember, land, new { textEn = "Families were evicted." })).GetProperty("id").GetGuid();
        var page = $"/submissions/{world.Id}/sections/{land}?edit={id}";
        var first = await world.LeadMember.PrepareAsync(page, formName: "paragraph");
        var second = await world.LeadCoordinator.PrepareAsync(page, formName: "paragraph");

        using (var saved = await first.PostAsync(world.LeadMember, Fields(id, "Families were evicted in 2024.")))
            Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
        using var refused = await second.PostAsync(world.LeadCoordinator, Fields(id, "Hundreds of families were evicted."));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains("saved this paragraph (version 2) after you opened it", html);
        Assert.Contains("Families were evicted in 2024.", html);
        Assert.Contains("Hundreds of families were evicted.", html);
        Assert.Contains("name=\"Form.BaseVersion\" value=\"2\"", html);
        var current = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>()
            .Set<Spean.Core.Submissions.Drafting.Paragraph>().SingleAsync(p => p.Id == id));
        Assert.Equal("Families were evicted in 2024.", current.TextEn);
    }

    [Fact]
    public async Task The_factsheet_names_the_States_to_lobby_from_the_linked_recommendations()
    {
        var world = await CreateAsync(app);
        var land = world.Cluster(5);
        var recommendation = await RecommendationAsync(app);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            db.Add(new RecommendingState { RecommendationId = recommendation, Name = "Norway", CountryIso3 = "NOR" });
            db.Add(new RecommendingState { RecommendationId = recommendation, Name = "Brazil", CountryIso3 = "BRA" });
            await db.SaveChangesAsync();
        });
        await world.AddParagraphAsync(world.LeadMember, land, new { textEn = "Concessions displace communities.", recommendationIds = new[] { recommendation } });
        await world.AddParagraphAsync(world.LeadMember, land, new { kind = "Recommendation", textEn = "Suspend economic land concessions." });

        var html = await world.PartnerMember.GetStringAsync($"/submissions/{world.Id}/sections/{land}/factsheet");

        Assert.Contains("css/factsheet.css", html);
        Assert.Contains("Brazil (1), Norway (1)", html);
        Assert.Contains("Suspend economic land concessions.", html);
        Assert.Contains("Concessions displace communities.", html);
    }

    private static Dictionary<string, string> Fields(Guid id, string text) => new()
    {
        ["Form.ParagraphId"] = id.ToString(), ["Form.BaseVersion"] = "1", ["Form.TextEn"] = text, ["Form.TextKm"] = "",
    };
}

public sealed class SqliteSubmissionPagesTests(SqliteApp app) : SubmissionPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSubmissionPagesTests(PostgresApp app) : SubmissionPagesTests(app), IClassFixture<PostgresApp>;
