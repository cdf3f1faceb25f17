using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Implementation;

/// <summary>Recording, superseding, consolidating and publishing assessments through /api/v1/implementation.</summary>
public abstract class AssessmentApiTests(SpeanApp app)
{
    private const string Assessments = "/api/v1/implementation/assessments";

    private static string Of(Guid recommendation) => $"/api/v1/implementation/recommendations/{recommendation}/assessments";

    internal static async Task<JsonElement> RecordOkAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(Assessments, request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Organisations_disagree_history_is_kept_and_the_coalitions_consolidated_one_counts()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, memberA) = await PersonAsync(app, Role.Member, a);
        var (_, memberB) = await PersonAsync(app, Role.Member, b);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var recommendation = await RecommendationAsync(app);

        await RecordOkAsync(memberA, new { recommendationIds = new[] { recommendation }, status = "NotImplemented", asOf = "2025-01-10", narrativeEn = "Nothing happened." });
        var second = await RecordOkAsync(memberA, new
        {
            recommendationIds = new[] { recommendation }, status = "PartiallyImplemented", asOf = "2025-06-10", narrativeKm = "អនុវត្តបានមួយផ្នែក",
            evidence = new object[]
            {
                new { kind = "PublicSource", url = "https://example.org/land-law", title = "Land law amended", date = "2025-05-01" },
                new { kind = "GovernmentStatement", title = "Ministry statement on titling", date = "2025-05-20" },
            },
        });
        await RecordOkAsync(memberB, new { recommendationIds = new[] { recommendation }, status = "NotImplemented", asOf = "2025-07-01" });

        var signedIn = await memberB.GetJsonAsync(Of(recommendation));
        Assert.Equal(3, signedIn.GetProperty("history").GetArrayLength());
        Assert.Equal(2, signedIn.GetProperty("current").GetArrayLength());
        Assert.True(signedIn.GetProperty("disagree").GetBoolean());
        var firstId = signedIn.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("asOf").GetString() == "2025-01-10");
        Assert.False(firstId.GetProperty("isCurrent").GetBoolean());
        var secondRow = second.GetProperty("assessments")[0];
        Assert.Equal(firstId.GetProperty("id").GetGuid(), secondRow.GetProperty("previousId").GetGuid());
        Assert.Equal(2, secondRow.GetProperty("evidence").GetArrayLength());
        Assert.Equal("NotImplemented", signedIn.GetProperty("counting").GetProperty("status").GetString());

        var consolidated = await RecordOkAsync(coordinator, new
        {
            recommendationIds = new[] { recommendation }, status = "PartiallyImplemented", asOf = "2025-03-01", consolidated = true, narrativeEn = "The coalition's view.",
        });
        var counting = (await memberB.GetJsonAsync(Of(recommendation))).GetProperty("counting");
        Assert.True(counting.GetProperty("consolidated").GetBoolean());
        Assert.Equal("PartiallyImplemented", counting.GetProperty("status").GetString());

        // Visitors see nothing until a coordinator publishes, and never the author's name.
        var anonymous = app.AnonymousClient();
        Assert.Equal(0, (await anonymous.GetJsonAsync(Of(recommendation))).GetProperty("history").GetArrayLength());
        var id = consolidated.GetProperty("assessments")[0].GetProperty("id").GetGuid();
        using (var refused = await memberA.PutAsJsonAsync($"{Assessments}/{id}/published", new { published = true }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var published = await coordinator.PutAsJsonAsync($"{Assessments}/{id}/published", new { published = true }))
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        var visitor = await anonymous.GetJsonAsync(Of(recommendation));
        var only = Assert.Single(visitor.GetProperty("history").EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("author").ValueKind);
        Assert.Equal(id, visitor.GetProperty("counting").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Many_recommendations_are_assessed_at_once_or_not_at_all_with_a_clear_refusal()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var (_, other) = await PersonAsync(app, Role.Member, b);
        var hidden = await FileAsync(other, Input("Hidden from A", "Organisation"));
        await MoveOkAsync(other, hidden, "Submitted");
        var mine = await FileAsync(member, Input("Mine", "Organisation"));
        var ids = new[] { await RecommendationAsync(app), await RecommendationAsync(app), await RecommendationAsync(app) };

        async Task<string> RefusedAsync(object request)
        {
            using var response = await member.PostAsJsonAsync(Assessments, request);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            return string.Join(",", problem.GetProperty("codes").EnumerateObject().Select(p => p.Value.GetString()));
        }

        Assert.Equal("ReportNotVisible", await RefusedAsync(new
        {
            recommendationIds = ids, status = "NotImplemented", asOf = "2025-06-01",
            evidence = new object[] { new { kind = "FieldReport", reportId = mine }, new { kind = "FieldReport", reportId = hidden } },
        }));
        Assert.Equal("NotAWebAddress", await RefusedAsync(new
        {
            recommendationIds = ids, status = "NotImplemented", asOf = "2025-06-01",
            evidence = new object[] { new { kind = "PublicSource", url = "javascript:alert(1)", title = "x" } },
        }));
        Assert.Equal("AsOfInFuture", await RefusedAsync(new { recommendationIds = ids, status = "NotImplemented", asOf = "2999-01-01" }));
        Assert.Equal("OnlyCoordinatorsConsolidate", await RefusedAsync(new { recommendationIds = ids, status = "NotImplemented", asOf = "2025-06-01", consolidated = true }));
        Assert.Equal("TooManyRecommendations", await RefusedAsync(new
        {
            recommendationIds = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()).ToArray(), status = "NotImplemented", asOf = "2025-06-01",
        }));
        Assert.Equal("UnknownStatus", await RefusedAsync(new { recommendationIds = ids, status = "Done", asOf = "2025-06-01" }));
        foreach (var id in ids)
            Assert.Equal(0, (await member.GetJsonAsync(Of(id))).GetProperty("history").GetArrayLength());

        var recorded = await RecordOkAsync(member, new
        {
            recommendationIds = ids, status = "FullyImplemented", asOf = "2025-06-01", evidence = new object[] { new { kind = "FieldReport", reportId = mine } },
        });
        Assert.Equal(3, recorded.GetProperty("assessments").GetArrayLength());
        foreach (var id in ids)
        {
            var current = Assert.Single((await member.GetJsonAsync(Of(id))).GetProperty("current").EnumerateArray());
            Assert.Equal("FullyImplemented", current.GetProperty("status").GetString());
            Assert.Equal("Mine", current.GetProperty("evidence")[0].GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_reports_author_links_it_to_a_recommendation_and_others_may_not()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, other) = await PersonAsync(app, Role.Member, b);
        var report = await FileAsync(author, Input("Linked report", "Network"));
        await MoveOkAsync(author, report, "Submitted");
        var recommendation = await RecommendationAsync(app);
        var link = $"/api/v1/implementation/reports/{report}/recommendations/{recommendation}";

        using (var refused = await other.PutAsync(link, null)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var linked = await author.PutAsync(link, null)) Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        var seen = await other.GetJsonAsync(Of(recommendation));
        Assert.Equal("Linked report", Assert.Single(seen.GetProperty("linkedReports").EnumerateArray()).GetProperty("title").GetString());
        var (_, outsider) = await PersonAsync(app, Role.Member, b);
        Assert.Equal(1, (await app.AnonymousClient().GetJsonAsync(Of(recommendation))).GetProperty("restrictedReports").GetInt32());
        using (var unlinked = await author.DeleteAsync(link)) Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Equal(0, (await outsider.GetJsonAsync(Of(recommendation))).GetProperty("linkedReports").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_implementation_api()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/implementation/assessments", "/api/v1/implementation/recommendations/{id}/assessments",
                     "/api/v1/implementation/assessments/{id}/published", "/api/v1/implementation/reports/{id}/recommendations/{recommendationId}" })
        {
            Assert.True(paths.TryGetProperty(path, out var operations), path);
            foreach (var operation in operations.EnumerateObject())
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), path);
        }
    }
}

public sealed class SqliteAssessmentApiTests(SqliteApp app) : AssessmentApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAssessmentApiTests(PostgresApp app) : AssessmentApiTests(app), IClassFixture<PostgresApp>;
