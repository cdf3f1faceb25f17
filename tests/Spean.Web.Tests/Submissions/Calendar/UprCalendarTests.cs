using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Submissions.Calendar;
using Spean.Web.Tests.Calendar;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Submissions.Calendar;

public abstract class UprCalendarTests(CalendarApp app)
{
    private static MultipartFormDataContent Csv(string text) => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "reviews.csv" },
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Cambodias_shipped_reviews_show_on_its_page_with_Khmer_dates_and_the_deadline_in_Geneva_and_Phnom_Penh_time()
    {
        var anonymous = app.AnonymousClient();

        var km = await anonymous.GetStringAsync("/submissions/calendar/KHM?culture=km");
        Assert.Contains("ថ្ងៃទី៣០ ខែមករា ឆ្នាំ២០១៩", km);
        // 12 July 2018 at noon in Geneva (CEST) is 17:00 in Phnom Penh.
        Assert.Contains("ថ្ងៃទី១២ ខែកក្កដា ឆ្នាំ២០១៨", km);
        Assert.Contains("ម៉ោង ១២:០០ នៅហ្សឺណែវ", km);
        Assert.Contains("ម៉ោង ១៧:០០ នៅភ្នំពេញ", km);
        Assert.Contains("ថ្ងៃទី២៦ ខែមិថុនា ឆ្នាំ២០១៤", km);
        Assert.Contains("ថ្ងៃទី១ ខែធ្នូ ឆ្នាំ២០០៩", km);

        var en = await anonymous.GetStringAsync("/submissions/calendar/KHM");
        Assert.Contains("Cycle 4 · session 46", en);
        Assert.Contains("8 May 2024", en);
        Assert.Contains("12:00 Geneva time", en);
        Assert.Contains("17:00 in Phnom Penh", en);
        var cycle3 = en[en.IndexOf("data-cycle=\"3\"", StringComparison.Ordinal)..en.IndexOf("data-cycle=\"2\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("estimate", cycle3[..cycle3.IndexOf("data-date=\"review\"", StringComparison.Ordinal)]);
        Assert.Contains("estimate", cycle3[cycle3.IndexOf("data-date=\"adoption\"", StringComparison.Ordinal)..]);

        using var unknown = await anonymous.GetAsync("/submissions/calendar/XYZ");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_calendar_lists_a_States_dates_by_month_and_filters_by_State()
    {
        var html = await app.AnonymousClient().GetStringAsync("/submissions/calendar?state=KHM&from=2018-07&months=7&culture=km");

        Assert.Contains("ខែកក្កដា ឆ្នាំ២០១៨", html);
        Assert.Contains("ខែវិច្ឆិកា ឆ្នាំ២០១៨", html);
        Assert.Contains("ខែមករា ឆ្នាំ២០១៩", html);
        Assert.Contains("data-uid=\"upr-khm-3-deadline@spean\"", html);
        Assert.Contains("data-uid=\"upr-khm-3-presession@spean\"", html);
        Assert.Contains("data-uid=\"upr-khm-3-review@spean\"", html);
        Assert.DoesNotContain("data-uid=\"upr-khm-3-adoption@spean\"", html);
        Assert.Contains("ម៉ោង ១២:០០ នៅហ្សឺណែវ", html);
    }

    [Fact]
    public async Task An_import_keeps_good_rows_reports_bad_ones_by_line_and_updates_on_a_second_run_without_duplicates()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        const string file = """
            state_iso3,cycle,session,review_date,submission_deadline,pre_session,adoption,midterm_report
            SVN,3,34,2019-11-12,,,,
            XYZ,3,34,2019-11-12,,,,
            SVN,4,48,12/01/2025,,,,
            SVN,4,48,2025-01-22,2024-07-15 17:30,,2024-01-01,
            SVN,3,34,2019-11-13,,,,
            SVN,4,48,2025-01-22,2024-07-15 17:30,2024-12-10,,
            """;

        using var first = await coordinator.PostAsync("/api/v1/submissions/calendar/import", Csv(file));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await JsonAsync(first);
        Assert.Equal(6, report.GetProperty("read").GetInt32());
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("problem").GetString())).ToList();
        Assert.Equal([(3, "UnknownState"), (4, "BadDate"), (5, "AdoptionBeforeReview"), (6, "DuplicateRow")], rejected);

        var svn = await JsonAsync(await coordinator.GetAsync("/api/v1/submissions/calendar/SVN/4"));
        Assert.Equal("2024-07-15T15:30:00+00:00", svn.GetProperty("submissionDeadline").GetString());
        Assert.Equal("2024-12-10", svn.GetProperty("preSession").GetString());
        Assert.Equal(["Adoption", "MidtermReport"], svn.GetProperty("estimated").EnumerateArray().Select(e => e.GetString()));

        using var second = await coordinator.PostAsync("/api/v1/submissions/calendar/import",
            Csv("state_iso3,cycle,session,review_date\nSVN,3,34,2019-11-14\nSVN,4,48,2025-01-22\n"));
        var again = await JsonAsync(second);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("updated").GetInt32());
        var count = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Set<UprReview>().CountAsync(r => r.StateIso3 == "SVN"));
        Assert.Equal(2, count);
        var list = await JsonAsync(await app.AnonymousClient().GetAsync("/api/v1/submissions/calendar?state=SVN"));
        Assert.Equal(["2019-11-14", "2025-01-22"], list.EnumerateArray().Select(r => r.GetProperty("reviewDate").GetString()));

        var member = await app.ClientForAsync(Role.Member);
        using var refused = await member.PostAsync("/api/v1/submissions/calendar/import", Csv(file));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var noHeader = await coordinator.PostAsync("/api/v1/submissions/calendar/import", Csv("SVN,3,34,2019-11-12\n"));
        using var emptyForm = await coordinator.PostAsync("/api/v1/submissions/calendar/import", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.BadRequest, emptyForm.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noHeader.StatusCode);
        Assert.Contains("state_iso3, cycle, session, review_date", await noHeader.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_row_holding_a_NUL_character_is_refused_by_line_saying_so_and_the_other_rows_import()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var import = await coordinator.PostAsync("/api/v1/submissions/calendar/import",
            Csv("state_iso3,cycle,session,review_date\nMLT,3,31,2018-11-06\nML\0T,4,45,2024-01-24\n"));

        var report = await JsonAsync(import);
        Assert.True(import.StatusCode == HttpStatusCode.OK, report.GetRawText());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal([(3, "NulCharacter")], report.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("problem").GetString())));
    }

    [Fact]
    public async Task A_file_that_is_not_CSV_is_refused_with_what_to_send_instead_of_failing()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var picture = await coordinator.PostAsync("/api/v1/submissions/calendar/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(Spean.Testing.Monitoring.SampleFiles.Jpeg()), "file", "reviews.jpg" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, picture.StatusCode);
        Assert.Contains("state_iso3, cycle, session, review_date", await picture.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_coordinator_enters_dates_through_the_API_and_a_wrong_date_is_refused_with_what_to_change()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var saved = await coordinator.PutAsJsonAsync("/api/v1/submissions/calendar/THA/4",
            new { session = 53, reviewDate = "2026-11-05", submissionDeadline = "2026-03-30", submissionDeadlineTime = "17:30", adoption = "2027-03-20" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var review = await JsonAsync(saved);
        // 30 March 2026 is after Geneva's change to summer time (29 March): 17:30 CEST is 15:30 UTC.
        Assert.Equal("2026-03-30T15:30:00+00:00", review.GetProperty("submissionDeadline").GetString());
        Assert.Equal("2026-03-30T17:30:00+02:00", review.GetProperty("submissionDeadlineGeneva").GetString());
        Assert.Equal("2026-10-05", review.GetProperty("preSession").GetString());
        Assert.Equal(["PreSession", "MidtermReport"], review.GetProperty("estimated").EnumerateArray().Select(e => e.GetString()));

        using var wrong = await coordinator.PutAsJsonAsync("/api/v1/submissions/calendar/THA/4",
            new { session = 53, reviewDate = "2026-11-05", submissionDeadline = "2026-11-30" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("is not before the review on 2026-11-05", await wrong.Content.ReadAsStringAsync());

        var member = await app.ClientForAsync(Role.Member);
        using var refused = await member.PutAsJsonAsync("/api/v1/submissions/calendar/THA/4", new { session = 53, reviewDate = "2026-11-05" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var missing = await member.GetAsync("/api/v1/submissions/calendar/THA/9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_enters_dates_on_the_page_and_an_empty_date_stays_an_estimate()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var response = await coordinator.SubmitAsync("/submissions/calendar/VNM/4/edit", new Dictionary<string, string>
        {
            ["Form.Session"] = "46", ["Form.ReviewDate"] = "2024-05-07", ["Form.DeadlineDate"] = "2023-10-12", ["Form.DeadlineTime"] = "",
            ["Form.PreSession"] = "", ["Form.Adoption"] = "2024-10-02", ["Form.Midterm"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/submissions/calendar/VNM", response.Headers.Location?.OriginalString);

        var html = await coordinator.GetStringAsync("/submissions/calendar/VNM");
        Assert.Contains("12 October 2023", html);
        Assert.Contains("2 October 2024", html);
        var review = await JsonAsync(await coordinator.GetAsync("/api/v1/submissions/calendar/VNM/4"));
        Assert.Equal(["PreSession", "MidtermReport"], review.GetProperty("estimated").EnumerateArray().Select(e => e.GetString()));

        using var form = await coordinator.GetAsync("/submissions/calendar/VNM/4/edit");
        var page = await form.Content.ReadAsStringAsync();
        Assert.Contains("value=\"2023-10-12\"", page);
        Assert.DoesNotContain("2024-04-07", page);

        var member = await app.ClientForAsync(Role.Member);
        using var denied = await member.GetAsync("/submissions/calendar/VNM/4/edit");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task Every_calendar_operation_has_a_summary_and_names_its_problem_responses_in_OpenAPI()
    {
        var document = JsonDocument.Parse(await app.AnonymousClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/submissions/calendar", "/api/v1/submissions/calendar/{state}/{cycle}", "/api/v1/submissions/calendar/import",
                     "/calendar/states/{iso3}.ics", "/calendar/feed/{token}.ics" })
        {
            Assert.True(paths.TryGetProperty(path, out var operations) || paths.TryGetProperty(path + "/", out operations), path);
            foreach (var operation in operations.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), path);
                Assert.Contains(operation.Value.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('4'));
            }
        }
    }
}

public sealed class SqliteUprCalendarTests(SqliteCalendarApp app) : UprCalendarTests(app), IClassFixture<SqliteCalendarApp>;

public sealed class PostgresUprCalendarTests(PostgresCalendarApp app) : UprCalendarTests(app), IClassFixture<PostgresCalendarApp>;
