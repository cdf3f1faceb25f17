using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Testing.Implementation.Matrix;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Implementation.Matrix;

public abstract class MatrixImportTests(SpeanApp app)
{
    private const string Spain1408 = "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights, " +
        "in order to continue advancing the international promotion and protection of human rights.";

    [Fact]
    public async Task A_coordinator_imports_Slovenias_cycle_4_matrix_and_the_search_shows_254_recommendations_with_positions_themes_and_SDGs()
    {
        // As UPR Info would have it: the matrix must complete this one, not add a second.
        await app.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>().ImportAsync(new UprInfoFile(
            [new UprInfoRow(2, "Slovenia", Spain1408, "Spain", "Pending", 4, ["International instruments"], 48, 4, "EEG", "WEOG", ["EU"], ["EU"])], [])));
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var first = await UploadAsync(coordinator, File.ReadAllBytes(SampleMatrices.Cycle4), SampleMatrices.Cycle4FileName);
        var report = await first.ReadJsonAsync();
        using var again = await UploadAsync(coordinator, File.ReadAllBytes(SampleMatrices.Cycle4), SampleMatrices.Cycle4FileName);
        var second = await again.ReadJsonAsync();
        var all = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations?sur=SVN&session=48&pageSize=100");
        var noted = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations?sur=SVN&session=48&response=Noted");
        var stateless = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations?sur=SVN&session=48&affected=Stateless%20persons&sdg=10");
        var spain = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Recommendations.AsNoTracking()
            .Include(r => r.OhchrThemes).Include(r => r.SdgTargets).Include(r => r.Issues)
            .SingleAsync(r => r.StateUnderReviewIso3 == "SVN" && r.Session == 48 && r.Text == Spain1408));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((254, 253, 1, 0), (report.GetProperty("read").GetInt32(), report.GetProperty("created").GetInt32(),
            report.GetProperty("enriched").GetInt32(), report.GetProperty("refused").GetArrayLength()));
        Assert.Equal(("SVN", "Document", 48, 4), (report.GetProperty("stateUnderReview").GetString(), report.GetProperty("stateFrom").GetString(),
            report.GetProperty("session").GetInt32(), report.GetProperty("cycle").GetInt32()));
        Assert.Equal((0, 0, 254), (second.GetProperty("created").GetInt32(), second.GetProperty("enriched").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(254, all.GetProperty("total").GetInt32());
        Assert.Equal(37, noted.GetProperty("total").GetInt32());
        Assert.Contains("Ratification of & accession to international instruments", FacetValues(all, "theme"));
        Assert.Contains("Stateless persons", FacetValues(all, "affected"));
        Assert.Contains("16", FacetValues(all, "sdg"));
        Assert.True(stateless.GetProperty("total").GetInt32() > 0);
        Assert.All(stateless.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Contains("Stateless persons", item.GetProperty("affectedPersons").EnumerateArray().Select(a => a.GetString()));
            Assert.StartsWith("A/HRC/59/15/Add.1", item.GetProperty("positionSource").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(item.GetProperty("ohchrThemes").EnumerateArray());
        });
        Assert.Equal(RecommendationResponse.Supported, spain.Response);
        Assert.Equal("A/HRC/59/15/Add.1 - Para.3", spain.PositionSource);
        Assert.Equal("140.8", spain.Paragraph);
        Assert.Contains(spain.OhchrThemes, t => t.Theme == "Ratification of & accession to international instruments");
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], spain.SdgTargets.Select(t => t.SdgCode).Order(StringComparer.Ordinal));
        Assert.Equal(["International instruments"], spain.Issues.Select(i => i.Issue));
    }

    [Fact]
    public async Task The_upload_page_imports_a_matrix_in_another_layout_taking_the_session_from_the_form_and_lists_the_bad_row()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        var marker = $"mx{Guid.NewGuid():N}"[..12];
        var session = 150 + Random.Shared.Next(40);

        var page = await PostPageAsync(coordinator, SampleMatrices.ThirdLayout(marker: marker + " "), session);
        var found = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations?q={marker}&sur=KHM");

        Assert.Equal("3", Count(page, "created"));
        Assert.Equal("1", Count(page, "refused"));
        Assert.Matches(@"<td>7\.4</td><td>No recommending State", page);
        Assert.Contains("from the document", Field(page, "state"));
        Assert.Contains("as you gave it", Field(page, "session"));
        Assert.Equal(3, found.GetProperty("total").GetInt32());
        Assert.Equal(["Noted", "Pending", "Supported"], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("response").GetString()).Order());
    }

    [Fact]
    public async Task The_page_says_in_Khmer_what_to_do_when_the_document_lacks_its_session()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        await coordinator.GetAsync("/culture/km");

        var page = await PostPageAsync(coordinator, SampleMatrices.ThirdLayout(marker: Guid.NewGuid().ToString("N")[..8] + " "), session: null);

        Assert.Contains("ឯកសារមិនបានបញ្ជាក់សម័យប្រជុំ UPR ទេ", page);
        Assert.DoesNotContain("data-count=\"created\"", page);
    }

    [Fact]
    public async Task A_file_that_is_no_matrix_is_refused_saying_what_to_do_and_members_cannot_import()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        var member = await app.ClientForAsync(Role.Member);

        using var notWord = await UploadAsync(coordinator, "paragraph;text\n1.1;Ratify"u8.ToArray(), "matrix.csv");
        var problem = await notWord.ReadJsonAsync();
        using var forbidden = await UploadAsync(member, File.ReadAllBytes(SampleMatrices.Cycle3), SampleMatrices.Cycle3FileName);
        using var pageForMember = await member.GetAsync("/implementation/matrix");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notWord.StatusCode);
        Assert.Contains(".docx", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, pageForMember.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_matrix_upload_with_its_summary_form_and_answers()
    {
        var openApi = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");

        var post = openApi.GetProperty("paths").GetProperty("/api/v1/implementation/matrix").GetProperty("post");
        Assert.Contains("OHCHR", post.GetProperty("summary").GetString());
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.Equal(["200", "400", "413", "422"], post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, params (string Key, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(content, "file", fileName);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return await client.PostAsync("/api/v1/implementation/matrix", form);
    }

    private static async Task<string> PostPageAsync(HttpClient client, byte[] file, int? session)
    {
        var prepared = await client.PrepareAsync("/implementation/matrix");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(prepared.Token), "__RequestVerificationToken" },
            { new StringContent(prepared.Handler), "_handler" },
            { new ByteArrayContent(file), "Input.File", "UPR_matrix.docx" },
        };
        if (session is { } s) form.Add(new StringContent(s.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Session");
        using var response = await client.PostAsync("/implementation/matrix", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The page answered {(int)response.StatusCode}: {html}");
        return html;
    }

    private static string Count(string page, string name) => Regex.Match(page, $"data-count=\"{name}\">([^<]*)<").Groups[1].Value;

    private static string Field(string page, string name) => Regex.Match(page, $"data-field=\"{name}\">([^<]*)<").Groups[1].Value;

    private static List<string?> FacetValues(JsonElement result, string field) =>
        result.GetProperty("facets").GetProperty(field).EnumerateArray().Select(v => v.GetProperty("value").GetString()).ToList();
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteMatrixImportTests(SqliteApp app) : MatrixImportTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresMatrixImportTests(PostgresApp app) : MatrixImportTests(app);
