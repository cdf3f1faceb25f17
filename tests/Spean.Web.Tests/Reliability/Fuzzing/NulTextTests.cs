using System.Net;
using System.Text;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Reliability.Fuzzing;

/// <summary>
/// Text holding a NUL character (U+0000) outside a JSON body: a page's form field (a server error on PostgreSQL, which
/// cannot store it, and kept on SQLite) and a query parameter, of a page, the API and a calendar feed. JSON bodies and multipart API forms are in
/// <see cref="ApiBodyRegressionTests"/>.
/// </summary>
public abstract class NulTextTests(SpeanApp app)
{
    // A browser escapes NUL as %00, which ASP.NET Core's form reader already refuses (as an invalid antiforgery token, on a
    // page); a script may send the byte itself, which it reads as it is.
    [Fact]
    public async Task A_page_form_field_holding_NUL_is_refused_in_both_languages_naming_the_field_and_nothing_is_stored()
    {
        var (_, member) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "A"));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var form = await member.PrepareAsync("/stakeholders/new");
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes($"Form.Kind=Person&Form.NameLatin=Chan\0Dara+{marker}&Form.Confidentiality=Network" +
            $"&__RequestVerificationToken={Uri.EscapeDataString(form.Token)}&_handler={Uri.EscapeDataString(form.Handler)}"));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        var logged = app.Logs.Lines.Count;

        using var response = await member.PostAsync(form.Page, body);

        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {page}");
        Assert.Contains("NameLatin", page);
        Assert.Contains("NUL", page);
        Assert.Contains("សូម", page);
        Assert.Empty((await SearchAsync(member, $"q={marker}")).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(app.Logs.Lines.Skip(logged), l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_query_parameter_holding_NUL_is_refused_naming_it_by_the_API_and_by_a_page()
    {
        var (_, member) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "A"));
        var logged = app.Logs.Lines.Count;

        using var api = await member.GetAsync("/api/v1/reports?q=land%00rights");
        using var page = await member.GetAsync("/reports?q=land%00rights");

        var text = await api.Content.ReadAsStringAsync();
        Assert.True(api.StatusCode == HttpStatusCode.BadRequest, $"{(int)api.StatusCode}: {text}");
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString();
        Assert.Contains("'q'", detail);
        Assert.Contains("NUL", detail);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("សូម", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Logs.Lines.Skip(logged), l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    // A calendar feed is read by calendar apps and scripts, not shown in a browser: it answers as the API does.
    [Fact]
    public async Task A_calendar_feed_asked_with_NUL_in_its_query_answers_with_a_problem_naming_the_parameter()
    {
        using var feed = await app.AnonymousClient().GetAsync("/calendar/states/KHM.ics?lang=km%00");

        var text = await feed.Content.ReadAsStringAsync();
        Assert.True(feed.StatusCode == HttpStatusCode.BadRequest, $"{(int)feed.StatusCode}: {text}");
        Assert.Contains("'lang'", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }
}

public sealed class SqliteNulTextTests(SqliteApp app) : NulTextTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNulTextTests(PostgresApp app) : NulTextTests(app), IClassFixture<PostgresApp>;
