using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Submissions.SubmissionsWorld;

namespace Spean.Web.Tests.Submissions;

/// <summary>Signing on, who sees a draft, drafting paragraphs together and their history, through /api/v1/submissions.</summary>
public abstract class SubmissionApiTests(SpeanApp app)
{
    [Fact]
    public async Task Two_organisations_sign_on_and_the_list_of_submitting_organisations_heads_with_their_descriptions()
    {
        var world = await CreateAsync(app);

        var read = await world.PartnerMember.GetJsonAsync(world.Of);
        var signatories = read.GetProperty("signatories").EnumerateArray().ToList();
        Assert.Equal(2, signatories.Count);
        Assert.True(signatories[0].GetProperty("lead").GetBoolean());
        Assert.Equal("SignedOn", signatories[1].GetProperty("status").GetString());
        Assert.Equal("A network of land activists.", signatories[1].GetProperty("descriptionEn").GetString());
        Assert.Equal(8, read.GetProperty("clusters").GetArrayLength());
        Assert.Equal("Joint", read.GetProperty("summary").GetProperty("kind").GetString());
        Assert.Equal(5630, read.GetProperty("words").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task An_organisation_that_has_not_signed_sees_nothing_of_the_draft_and_an_invited_one_only_the_invitation()
    {
        var world = await CreateAsync(app, partnerSigns: false);
        var cluster = world.Cluster(5);
        var paragraph = await world.AddParagraphAsync(world.LeadMember, cluster, new { kind = "Assessment", textEn = "Secret draft text on evictions." });
        var paragraphId = paragraph.GetProperty("id").GetGuid();

        foreach (var client in new[] { world.OutsiderCoordinator, app.AnonymousClient() })
        {
            foreach (var path in new[] { world.Of, $"{world.Of}/words", $"{world.Of}/sections/{cluster}", $"{world.Of}/paragraphs/{paragraphId}/versions",
                         $"{world.Of}/paragraphs/{paragraphId}/compare?from=1&to=1", $"{world.Of}/document.docx" })
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {body}");
                Assert.DoesNotContain("Secret draft", body, StringComparison.Ordinal);
                Assert.DoesNotContain("land and justice", body, StringComparison.Ordinal);
            }
            Assert.Empty((await client.GetJsonAsync(Api)).EnumerateArray());
        }
        await ProblemAsync(await world.OutsiderCoordinator.PostAsJsonAsync($"{world.Of}/signature", new { }), HttpStatusCode.NotFound);

        await OkAsync(world.LeadCoordinator.PostAsJsonAsync($"{world.Of}/invitations", new { organisationId = world.Partner }));
        var invitation = await world.PartnerMember.GetJsonAsync(world.Of);
        Assert.True(invitation.GetProperty("summary").GetProperty("invitation").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, invitation.GetProperty("signatories").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, invitation.GetProperty("clusters").ValueKind);
        await ProblemAsync(await world.PartnerMember.GetAsync($"{world.Of}/sections/{cluster}"), HttpStatusCode.NotFound);
        Assert.True((await world.PartnerMember.GetJsonAsync(Api)).EnumerateArray().Single().GetProperty("invitation").GetBoolean());
        // Signing commits the organisation: its coordinator signs, not any member.
        await ProblemAsync(await world.PartnerMember.PostAsJsonAsync($"{world.Of}/signature", new { }), HttpStatusCode.Forbidden);

        await OkAsync(world.PartnerCoordinator.PostAsJsonAsync($"{world.Of}/signature", new { descriptionEn = "Land network." }));
        var section = await world.PartnerMember.GetJsonAsync($"{world.Of}/sections/{cluster}");
        Assert.Equal("Secret draft text on evictions.", section.GetProperty("paragraphs")[0].GetProperty("textEn").GetString());

        await OkAsync(world.PartnerCoordinator.DeleteAsync($"{world.Of}/signature"), HttpStatusCode.NoContent);
        await ProblemAsync(await world.PartnerMember.GetAsync($"{world.Of}/sections/{cluster}"), HttpStatusCode.NotFound);
        await ProblemAsync(await world.LeadCoordinator.DeleteAsync($"{world.Of}/signature"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sent_submissions_stay_with_their_signatories_until_the_owner_publishes_them()
    {
        var world = await CreateAsync(app);
        await world.AddParagraphAsync(world.LeadMember, world.Cluster(3), new { kind = "Assessment", textEn = "Courts remain under political control." });

        await ProblemAsync(await world.PartnerCoordinator.PostAsync($"{world.Of}/send", null), HttpStatusCode.Forbidden);
        await OkAsync(world.LeadCoordinator.PostAsync($"{world.Of}/send", null));
        await ProblemAsync(await app.AnonymousClient().GetAsync(world.Of), HttpStatusCode.NotFound);
        await ProblemAsync(await world.PartnerCoordinator.DeleteAsync($"{world.Of}/signature"), HttpStatusCode.Conflict);
        await ProblemAsync(await world.LeadMember.PostAsJsonAsync($"{world.Of}/sections/{world.Cluster(3)}/paragraphs", new { textEn = "Late." }), HttpStatusCode.Conflict);

        var published = await OkAsync(world.LeadCoordinator.PostAsync($"{world.Of}/publish", null));
        Assert.Equal("Published", published.GetProperty("summary").GetProperty("status").GetString());
        var seen = await app.AnonymousClient().GetJsonAsync($"{world.Of}/sections/{world.Cluster(3)}");
        Assert.Equal("Courts remain under political control.", seen.GetProperty("paragraphs")[0].GetProperty("textEn").GetString());
        Assert.Contains((await world.OutsiderCoordinator.GetJsonAsync(Api)).EnumerateArray(), s => s.GetProperty("id").GetGuid() == world.Id);
    }

    [Fact]
    public async Task Cluster_members_draft_their_section_and_others_are_refused_with_the_reason()
    {
        var world = await CreateAsync(app);
        var land = world.Cluster(5);
        await ProblemAsync(await world.PartnerMember.PostAsJsonAsync($"{world.Of}/sections/{land}/paragraphs", new { textEn = "Not a member yet." }), HttpStatusCode.Forbidden);
        await ProblemAsync(await world.LeadMember.PutAsJsonAsync($"{world.Of}/clusters/{land}", new
        {
            nameEn = "Land", nameKm = "ដីធ្លី", leadOrganisationId = world.Partner, memberOrganisationIds = Array.Empty<Guid>(),
        }), HttpStatusCode.Forbidden);
        var refused = await ProblemAsync(await world.LeadCoordinator.PutAsJsonAsync($"{world.Of}/clusters/{land}", new
        {
            nameEn = "Land", nameKm = "ដីធ្លី", leadOrganisationId = world.Outsider,
        }), HttpStatusCode.BadRequest);
        Assert.Equal("LeadNotSignatory", refused.GetProperty("code").GetString());

        await OkAsync(world.LeadCoordinator.PutAsJsonAsync($"{world.Of}/clusters/{land}", new
        {
            nameEn = "Land and natural resources", nameKm = "ដីធ្លី និងធនធានធម្មជាតិ", leadOrganisationId = world.Partner,
        }));
        var (_, partnerViewer) = await PersonAsync(app, Role.Viewer, world.Partner);
        await ProblemAsync(await partnerViewer.PostAsJsonAsync($"{world.Of}/sections/{land}/paragraphs", new { textEn = "Viewers read." }), HttpStatusCode.Forbidden);
        var added = await world.AddParagraphAsync(world.PartnerMember, land, new { textKm = "ការបណ្ដេញចេញដោយបង្ខំនៅតែបន្ត។" });
        Assert.Equal(1, added.GetProperty("number").GetInt32());
        await ProblemAsync(await world.PartnerMember.PostAsJsonAsync($"{world.Of}/sections/{world.Cluster(3)}/paragraphs", new { textEn = "Another cluster." }),
            HttpStatusCode.Forbidden);
        var empty = await ProblemAsync(await world.PartnerMember.PostAsJsonAsync($"{world.Of}/sections/{land}/paragraphs", new { textEn = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("TextRequired", empty.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_people_editing_one_paragraph_do_not_overwrite_each_other_and_the_history_compares_versions()
    {
        var world = await CreateAsync(app);
        var cluster = world.Cluster(5);
        await OkAsync(world.LeadCoordinator.PutAsJsonAsync($"{world.Of}/clusters/{cluster}", new
        {
            nameEn = "Land", nameKm = "ដីធ្លី", leadOrganisationId = world.Lead, memberOrganisationIds = new[] { world.Partner },
        }));
        var created = await world.AddParagraphAsync(world.LeadMember, cluster, new { textEn = "The government evicted families in Preah Vihear." });
        var id = created.GetProperty("id").GetGuid();
        var paragraph = $"{world.Of}/paragraphs/{id}";

        var first = await OkAsync(world.LeadMember.PutAsJsonAsync(paragraph, new { textEn = "The government evicted 120 families in Preah Vihear.", baseVersion = 1 }));
        Assert.Equal(2, first.GetProperty("version").GetInt32());
        var conflict = await ProblemAsync(await world.PartnerMember.PutAsJsonAsync(paragraph, new { textEn = "Authorities evicted families in Preah Vihear in 2024.", baseVersion = 1 }),
            HttpStatusCode.Conflict);
        Assert.Equal("MovedOn", conflict.GetProperty("code").GetString());
        Assert.Equal("The government evicted 120 families in Preah Vihear.", conflict.GetProperty("current").GetProperty("textEn").GetString());
        Assert.Equal("Authorities evicted families in Preah Vihear in 2024.", conflict.GetProperty("yours").GetProperty("textEn").GetString());
        Assert.Contains("version 2", conflict.GetProperty("detail").GetString());

        await OkAsync(world.PartnerMember.PutAsJsonAsync(paragraph, new { textEn = "The government evicted 120 families in Preah Vihear in 2024.", baseVersion = 2 }));
        var versions = (await world.PartnerMember.GetJsonAsync($"{paragraph}/versions")).EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("author").GetString())));

        var diff = await world.PartnerMember.GetJsonAsync($"{paragraph}/compare?from=1&to=3");
        var pieces = diff.GetProperty("english").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("text").GetString()!.Trim())).ToList();
        Assert.Contains(("Added", "120"), pieces);
        Assert.Contains(("Removed", "Vihear."), pieces);
        Assert.Contains(("Added", "2024."), pieces);
        Assert.Contains(("Same", "evicted"), pieces);
        Assert.Equal("The government evicted families in Preah Vihear.", string.Concat(diff.GetProperty("english").EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() != "Added").Select(p => p.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task Comments_are_threaded_per_paragraph()
    {
        var world = await CreateAsync(app);
        var cluster = world.Cluster(1);
        var id = (await world.AddParagraphAsync(world.LeadMember, cluster, new { textEn = "Women human rights defenders face harassment." })).GetProperty("id").GetGuid();
        var question = await OkAsync(world.PartnerMember.PostAsJsonAsync($"{world.Of}/paragraphs/{id}/comments", new { text = "Which source?" }), HttpStatusCode.Created);
        await OkAsync(world.LeadMember.PostAsJsonAsync($"{world.Of}/paragraphs/{id}/comments", new { text = "The 2025 LICADHO report.", parentId = question.GetProperty("id").GetGuid() }),
            HttpStatusCode.Created);
        await ProblemAsync(await world.OutsiderCoordinator.PostAsJsonAsync($"{world.Of}/paragraphs/{id}/comments", new { text = "Hello" }), HttpStatusCode.NotFound);

        var comments = (await world.LeadMember.GetJsonAsync($"{world.Of}/sections/{cluster}")).GetProperty("paragraphs")[0].GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        Assert.Equal(question.GetProperty("id").GetGuid(), comments[1].GetProperty("parentId").GetGuid());
    }

    [Fact]
    public async Task A_paragraph_links_recommendations_with_their_response_and_cites_only_reports_its_author_can_open()
    {
        var world = await CreateAsync(app);
        var cluster = world.Cluster(5);
        var recommendation = await RecommendationAsync(app);
        var (_, reporter) = await PersonAsync(app, Role.Member, world.Lead);
        var report = await FileAsync(reporter, Input("Forest cleared near O'Chheu Teal", confidentiality: "Organisation"));
        await MoveOkAsync(reporter, report, "Submitted");

        var refused = await ProblemAsync(await world.PartnerMember.PostAsJsonAsync($"{world.Of}/sections/{world.Cluster(1)}/paragraphs",
            new { textEn = "x", reportIds = new[] { report } }), HttpStatusCode.Forbidden);
        Assert.Equal("MayNotEdit", refused.GetProperty("code").GetString());
        var added = await world.AddParagraphAsync(world.LeadMember, cluster, new
        {
            textEn = "Land concessions keep displacing communities.", recommendationIds = new[] { recommendation }, reportIds = new[] { report },
            sources = new[] { new { text = "LICADHO, Land report 2025", url = "https://example.org/land" } },
        });
        var linked = added.GetProperty("recommendations")[0];
        Assert.Equal("Supported", linked.GetProperty("response").GetString());
        Assert.Equal("Forest cleared near O'Chheu Teal", added.GetProperty("reports")[0].GetProperty("title").GetString());

        // The partner reads the section but may not open the lead's Organisation-level report: it is only counted.
        var seen = (await world.PartnerMember.GetJsonAsync($"{world.Of}/sections/{cluster}")).GetProperty("paragraphs")[0];
        Assert.Equal(0, seen.GetProperty("reports").GetArrayLength());
        Assert.Equal(1, seen.GetProperty("hiddenReports").GetInt32());
        Assert.DoesNotContain("Chheu", seen.ToString(), StringComparison.Ordinal);

        var foreign = await RecommendationAsync(app);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Spean.Core.Data.SpeanDbContext>();
            (await db.Recommendations.FindAsync(foreign))!.StateUnderReviewIso3 = "LAO";
            await db.SaveChangesAsync();
        });
        var wrong = await ProblemAsync(await world.LeadMember.PostAsJsonAsync($"{world.Of}/sections/{cluster}/paragraphs",
            new { textEn = "x", recommendationIds = new[] { foreign } }), HttpStatusCode.BadRequest);
        Assert.Equal("RecommendationUnknown", wrong.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_submissions_api()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/submissions", "/api/v1/submissions/{id}", "/api/v1/submissions/{id}/signature", "/api/v1/submissions/{id}/words",
                     "/api/v1/submissions/{id}/sections/{clusterId}/paragraphs", "/api/v1/submissions/{id}/paragraphs/{paragraphId}",
                     "/api/v1/submissions/{id}/paragraphs/{paragraphId}/compare", "/api/v1/submissions/{id}/document.docx" })
        {
            Assert.True(paths.TryGetProperty(path, out var operations), path);
            foreach (var operation in operations.EnumerateObject())
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), path);
        }
    }
}

public sealed class SqliteSubmissionApiTests(SqliteApp app) : SubmissionApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSubmissionApiTests(PostgresApp app) : SubmissionApiTests(app), IClassFixture<PostgresApp>;
