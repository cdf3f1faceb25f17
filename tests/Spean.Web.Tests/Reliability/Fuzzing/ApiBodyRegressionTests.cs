using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Reliability.Fuzzing;

/// <summary>
/// The bodies the API fuzzer found failing, each kept as it was sent: a null item in a list (a server error in four
/// handlers), JSON that is not JSON (logged as an unhandled exception with its stack), a malformed multipart form (a server
/// error), the wrong content type (a 415 without a detail), a form refused field by field (a 400 without a detail), and
/// a review date so early that the dates estimated from it cannot be written (a server error), and three that failed on
/// PostgreSQL only: a signatory's description longer than its column, text holding a NUL character, and an uploaded file's
/// name holding one (kept on SQLite); a multipart API form's text field holding NUL is refused naming it.
/// </summary>
public abstract class ApiBodyRegressionTests(SpeanApp app)
{
    public static TheoryData<string, string, string, string, string> Bodies() => new()
    {
        { "POST", "/api/v1/reports", "application/json", """{"title":"Land dispute","narrative":"n","category":"land","confidentiality":"Network","concessionIds":[null]}""", "concessionIds" },
        { "POST", "/api/v1/reports", "application/json", """{"title":"Land dispute","narrative":"n","category":"land","confidentiality":"Network","mediaLinks":[null]}""", "mediaLinks" },
        { "POST", "/api/v1/stakeholders", "application/json", """{"kind":"Person","level":"Local","nameLatin":"Chan Dara","concessionIds":[null]}""", "concessionIds" },
        { "POST", "/api/v1/implementation/assessments", "application/json", """{"recommendationIds":[],"status":"Implemented","evidence":[null]}""", "evidence" },
        { "POST", "/api/v1/campaigns", "application/json", "{\"nameEn\"\u00FF:1}", "not valid JSON" },
        { "POST", "/api/v1/campaigns", "application/json", """{"nameEn":"x","template":42}""", "$.template" },
        { "POST", "/api/v1/admin/organisations", "text/plain", """{"name":"x"}""", "content type" },
        { "POST", "/api/v1/stakeholders", "application/json", """{"kind":"Wizard","level":"Local","nameLatin":"Chan Dara"}""", "kind" },
        { "POST", "/api/v1/stakeholders", "application/json", """{"kind":"Person","level":"Local","nameLatin":"Chan\u0000Dara"}""", "NUL" },
        { "POST", "/api/v1/campaigns", "application/json", """{"nameEn":"Land rights","nameKm":"សិទ្ធិ\u0000ដីធ្លី"}""", "NUL" },
        { "POST", "/api/v1/stakeholders/import", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: ;;\r\n\r\nfuzz\r\n--x--\r\n", "form could not be read" },
        { "POST", "/api/v1/campaigns/treaties/MineBan/import", "multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''members%00.csv\r\nContent-Type: text/csv\r\n\r\niso3,status\r\nKHM,party\r\n--x--\r\n", "NUL" },
        { "POST", "/api/v1/implementation/matrix", "multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"state\"\r\n\r\nKH\0M\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.docx\"\r\n\r\nPK\r\n--x--\r\n", "'state'" },
        { "PUT", "/api/v1/submissions/calendar/KHM/4", "application/json", """{"session":46,"reviewDate":"0001-01-01"}""", "2008" },
        { "POST", "/api/v1/submissions", "application/json",
            $$"""{"title":"Joint submission","stateIso3":"KHM","cycle":5,"kind":"Joint","session":50,"reviewDate":"2029-05-07","descriptionEn":"{{new string('ក', 1_001)}}"}""", "1,000 characters" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_once_failed_is_refused_with_what_to_change_and_nothing_logged_as_an_error(
        string method, string url, string contentType, string body, string detailMentions)
    {
        var (_, client) = await Monitoring.ReportsWorld.PersonAsync(app, Role.Coordinator, await Monitoring.ReportsWorld.OrganisationAsync(app, "Fuzzed"));
        var logged = app.Logs.Lines.Count;
        var content = new ByteArrayContent(body.Contains('\u00FF', StringComparison.Ordinal) ? [.. body.Select(c => (byte)c)] : Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        var detail = problem.RootElement.TryGetProperty("detail", out var given) ? given.GetString() : null;
        Assert.True(detail?.Contains(detailMentions, StringComparison.OrdinalIgnoreCase) == true, $"the detail does not mention {detailMentions}: {text}");
        Assert.DoesNotContain(app.Logs.Lines.Skip(logged), l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}

public sealed class SqliteApiBodyRegressionTests(SqliteApp app) : ApiBodyRegressionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiBodyRegressionTests(PostgresApp app) : ApiBodyRegressionTests(app), IClassFixture<PostgresApp>;
