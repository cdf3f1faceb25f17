using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The report form on the site: filing a report, naming who may read a Restricted one, and correcting a draft.</summary>
public abstract class ReportFormTests(SpeanApp app)
{
    [Fact]
    public async Task A_restricted_report_filed_on_the_page_reaches_the_coordinator_it_names_and_no_one_else()
    {
        var organisation = await OrganisationAsync(app, "Form fillers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (coordinator, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        var (colleague, colleagueClient) = await PersonAsync(app, Role.Coordinator, organisation);
        var (stranger, _) = await PersonAsync(app, Role.Coordinator, await OrganisationAsync(app, "Elsewhere"));

        var form = await author.GetStringAsync("/reports/new?q=S'ang");
        Assert.Contains($"value=\"{coordinator.Id}\"", form);
        Assert.Contains($"value=\"{colleague.Id}\"", form);
        Assert.DoesNotContain(stranger.Id.ToString(), form, StringComparison.Ordinal);
        Assert.Contains($"{coordinator.DisplayName} (Coordinator)", form);
        Assert.Contains("(Commune · Chey Saen · Preah Vihear · 130101)", form);
        Assert.Contains("(ឃុំ · ជ័យសែន · ព្រះវិហារ · 130101)", await author.GetStringAsync("/reports/new?q=S'ang&culture=km"));

        var title = "Restricted from the page " + Guid.NewGuid().ToString("N")[..8];
        using var saved = await author.SubmitAsync("/reports/new", Fields(title, "Restricted", coordinator.Id.ToString()), formSource: "/reports/new?q=S'ang", formName: "new-report");
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.Segments[^1]);
        var page = await author.GetStringAsync($"/reports/{id}");
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.DoesNotContain("no one can review it", page, StringComparison.Ordinal);

        await MoveOkAsync(author, id, "Submitted");
        Assert.Contains(title, await reviewer.GetStringAsync("/reports"));
        await MoveOkAsync(reviewer, id, "UnderReview");
        using var hidden = await colleagueClient.GetAsync($"/reports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task The_author_corrects_a_draft_on_the_page_and_is_told_when_no_reader_could_review_it()
    {
        var organisation = await OrganisationAsync(app, "Correctors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (coordinator, _) = await PersonAsync(app, Role.Coordinator, organisation);
        var (member, memberClient) = await PersonAsync(app, Role.Member, organisation);
        var recommendation = await RecommendationAsync(app);
        var id = await FileAsync(author, new
        {
            clientId = Guid.NewGuid(), title = "Draft with a slip", narrative = "Excavators at the clearing.", category = "mining", occurredFrom = "2025-03-14",
            adminUnitCode = PreahVihearCommune, confidentiality = "Restricted", readerIds = new[] { member.Id }, concessionIds = new List<string> { "mining-199" },
            recommendationIds = new List<Guid> { recommendation },
        });

        var draft = await author.GetStringAsync($"/reports/{id}");
        Assert.Contains("No coordinator of your organisation is among the readers of this Restricted report", draft);
        Assert.Contains($"href=\"/reports/{id}/edit\"", draft);
        Assert.Contains($"<a href=\"/recommendations/{recommendation}\" lang=\"en\">KHM · Session 46, cycle 4: Protect the land rights of indigenous communities</a>", draft);
        Assert.Matches("<li>[^<]+ \\(Wuhan Steel[^<]*\\)</li>", draft);
        var edit = await author.GetStringAsync($"/reports/{id}/edit");
        Assert.Contains("value=\"Draft with a slip\"", edit);
        Assert.Matches($"value=\"{member.Id}\" checked", edit);

        var fields = Fields("Draft corrected", "Restricted", coordinator.Id.ToString());
        fields["Input.ConcessionIds"] = "mining-199";
        fields["Input.RecommendationIds"] = recommendation.ToString();
        using var corrected = await author.SubmitAsync($"/reports/{id}/edit", fields, formName: "new-report");
        Assert.Equal($"/reports/{id}", corrected.Headers.Location?.AbsolutePath);
        var page = await author.GetStringAsync($"/reports/{id}");
        Assert.Contains("<h1>Draft corrected</h1>", page);
        Assert.DoesNotContain("No coordinator of your organisation", page, StringComparison.Ordinal);
        var stored = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal([coordinator.Id], stored.ReaderIds);
        Assert.Equal(["mining-199"], stored.ConcessionIds);
        Assert.Equal([recommendation], stored.RecommendationIds);

        using var khmer = await author.GetAsync($"/reports/{id}/edit?culture=km");
        Assert.Contains("អ្នកអាន (សម្រាប់តែរបាយការណ៍កំណត់)", await khmer.Content.ReadAsStringAsync());
        using var notTheAuthor = await memberClient.GetAsync($"/reports/{id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, notTheAuthor.StatusCode);
        await MoveOkAsync(author, id, "Submitted");
        using var submitted = await author.GetAsync($"/reports/{id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        Assert.Contains("Only its author can correct a report, and only while it is a draft.", await submitted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_coordinator_names_a_witness_on_the_report_page_once_however_often_the_form_is_sent()
    {
        var organisation = await OrganisationAsync(app, "Namers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, organisation);
        var (_, colleague) = await PersonAsync(app, Role.Member, organisation);
        var id = await FileAsync(author, Input("Witness named on the page", "Organisation"));
        await MoveOkAsync(author, id, "Submitted");
        var page = $"/reports/{id}";
        Assert.DoesNotContain("Name a person", await colleague.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Contains("ដាក់ឈ្មោះមនុស្សម្នាក់", await coordinator.GetStringAsync(page + "?culture=km"));

        var person = new Dictionary<string, string>
        {
            ["Person.ClientId"] = Guid.NewGuid().ToString(), ["Person.Role"] = "Witness", ["Person.Name"] = "Srey Mom",
            ["Person.Contact"] = "097 000 111", ["Person.Sex"] = "Female", ["Person.AgeGroup"] = "", ["Person.Notes"] = "",
        };
        using var first = await coordinator.SubmitAsync(page, person, formName: "person");
        using var again = await coordinator.SubmitAsync(page, person, formName: "person");
        using var nameless = await coordinator.SubmitAsync(page, new Dictionary<string, string>(person) { ["Person.Name"] = " ", ["Person.ClientId"] = Guid.NewGuid().ToString() }, formName: "person");

        Assert.Equal((HttpStatusCode.Found, HttpStatusCode.Found), (first.StatusCode, again.StatusCode));
        Assert.Contains("Give the person&#x27;s name (or the name they are known by).", await nameless.Content.ReadAsStringAsync());
        Assert.Contains("<li>Srey Mom (witness, female) — 097 000 111</li>", await coordinator.GetStringAsync(page));
        Assert.DoesNotContain("Srey Mom", await colleague.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().ReportPeople.CountAsync(p => p.ReportId == id)));
    }

    [Fact]
    public async Task The_report_page_refuses_a_person_as_the_api_does_and_says_why_in_the_readers_language()
    {
        var organisation = await OrganisationAsync(app, "Checkers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var first = await FileAsync(author, Input("Person named by the phone"));
        var second = await FileAsync(author, Input("Person named on the page"));
        var clientId = Guid.NewGuid();
        using var named = await author.PostAsJsonAsync($"/api/v1/reports/{first}/people", new { role = "Source", name = "Vanna", clientId });
        var person = new Dictionary<string, string>
        {
            ["Person.ClientId"] = Guid.NewGuid().ToString(), ["Person.Role"] = "Bystander", ["Person.Name"] = "Sok",
            ["Person.Contact"] = "", ["Person.Sex"] = "", ["Person.AgeGroup"] = "", ["Person.Notes"] = "",
        };

        using var badRole = await author.SubmitAsync($"/reports/{second}?culture=km", person, formName: "person");
        using var reusedId = await author.SubmitAsync($"/reports/{second}", new Dictionary<string, string>(person)
            { ["Person.Role"] = "Source", ["Person.ClientId"] = clientId.ToString() }, formName: "person");
        var api = await ProblemAsync(
            await author.PostAsJsonAsync($"/api/v1/reports/{second}/people", new { role = "Bystander", name = "Sok" }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Contains("សូមជ្រើសរើសថាមនុស្សនោះជាជនរងគ្រោះ", await badRole.Content.ReadAsStringAsync());
        Assert.Contains("This form belongs to another report", await reusedId.Content.ReadAsStringAsync());
        Assert.Equal("UnknownRole", api.GetProperty("code").GetString());
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().ReportPeople.CountAsync(p => p.ReportId == second)));
    }

    [Fact]
    public async Task The_author_of_a_submitted_restricted_report_names_the_second_coordinator_its_publication_needs()
    {
        var organisation = await OrganisationAsync(app, "Second readers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (first, firstClient) = await PersonAsync(app, Role.Coordinator, organisation);
        var (second, secondClient) = await PersonAsync(app, Role.Coordinator, organisation);
        var id = await FileAsync(author, Input("Restricted, one reviewer", "Restricted", readers: [first.Id]));
        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(firstClient, id, "UnderReview");
        await MoveOkAsync(firstClient, id, "Verified");
        using var alone = await MoveAsync(firstClient, id, "Published");
        Assert.Equal(HttpStatusCode.Conflict, alone.StatusCode);
        var page = $"/reports/{id}";
        Assert.Matches($"name=\"Readers.Ids\" value=\"{first.Id}\" checked", await author.GetStringAsync(page));

        using var saved = await author.SubmitAsync(page, new Dictionary<string, string> { ["Readers.Ids"] = second.Id.ToString() }, formName: "readers");

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        using (var gone = await firstClient.GetAsync(page)) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await MoveOkAsync(secondClient, id, "Published");
        Assert.DoesNotContain("Save the readers", await author.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_in_no_organisation_is_offered_no_one_as_a_reader()
    {
        var loner = await app.CreateUserAsync(Role.Member);
        var other = await app.CreateUserAsync(Role.Coordinator);

        var form = await (await app.ClientForAsync(loner)).GetStringAsync("/reports/new");

        Assert.Contains("Readers (Restricted reports only)", form);
        Assert.DoesNotContain(other.Id.ToString(), form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.ReaderIds\"", form, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string title, string confidentiality, string reader) => new()
    {
        ["Input.ClientId"] = Guid.NewGuid().ToString(),
        ["Input.AdminUnitCode"] = PreahVihearCommune,
        ["Input.Title"] = title,
        ["Input.Narrative"] = "An excavator cleared the forest near the village.",
        ["Input.Category"] = "mining",
        ["Input.OccurredFrom"] = "2025-03-14",
        ["Input.SourceKind"] = "FirstHand",
        ["Input.Confidentiality"] = confidentiality,
        ["Input.ReaderIds"] = reader,
    };
}

public sealed class SqliteReportFormTests(SqliteApp app) : ReportFormTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportFormTests(PostgresApp app) : ReportFormTests(app), IClassFixture<PostgresApp>;
