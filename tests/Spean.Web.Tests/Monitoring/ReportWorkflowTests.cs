using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Filing, reviewing and evidencing reports through the API, on a real database.</summary>
public abstract class ReportWorkflowTests(SpeanApp app)
{
    [Fact]
    public async Task A_report_goes_from_draft_to_published_and_every_step_is_kept_with_who_and_why()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (coordinator, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        var id = await FileAsync(author, Input("Excavator at S'ang"));

        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(reviewer, id, "UnderReview", "checking with the commune chief");
        await MoveOkAsync(reviewer, id, "Verified");
        await MoveOkAsync(reviewer, id, "Published");

        var report = await reviewer.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal("Published", report.GetProperty("status").GetString());
        var history = report.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Draft→Submitted", "Submitted→UnderReview", "UnderReview→Verified", "Verified→Published"],
            history.Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()}"));
        Assert.Equal(coordinator.DisplayName, history[1].GetProperty("by").GetString());
        Assert.Equal("checking with the commune chief", history[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_step_sent_twice_by_the_person_who_took_it_is_done_once_and_by_anyone_else_still_refused()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        var (_, otherReviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        var id = await FileAsync(author, Input("Submunition in the rice field"));

        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(reviewer, id, "UnderReview");
        await MoveOkAsync(reviewer, id, "UnderReview");
        var byAnother = await ProblemAsync(await MoveAsync(otherReviewer, id, "UnderReview"), HttpStatusCode.Conflict);

        var history = (await reviewer.GetJsonAsync($"/api/v1/reports/{id}")).GetProperty("history").EnumerateArray()
            .Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()}");
        Assert.Equal(["Draft→Submitted", "Submitted→UnderReview"], history);
        Assert.Equal("A report cannot go from UnderReview to UnderReview. From UnderReview it can go to: Verified, Rejected.", byAnother.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Illegal_steps_are_refused_with_a_message_that_says_what_is_allowed()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, otherMember) = await PersonAsync(app, Role.Member, organisation);
        var (_, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        var (_, foreignCoordinator) = await PersonAsync(app, Role.Coordinator, await OrganisationAsync(app, "Elsewhere"));
        var id = await FileAsync(author, Input("Land cleared", "Network"));

        var skip = await ProblemAsync(await MoveAsync(author, id, "Published"), HttpStatusCode.Conflict);
        Assert.Equal("A report cannot go from Draft to Published. From Draft it can go to: Submitted.", skip.GetProperty("detail").GetString());
        await MoveOkAsync(author, id, "Submitted");
        var selfReview = await ProblemAsync(await MoveAsync(otherMember, id, "UnderReview"), HttpStatusCode.Conflict);
        Assert.Contains("Only coordinators of the organisation that owns the report", selfReview.GetProperty("detail").GetString());
        await ProblemAsync(await MoveAsync(foreignCoordinator, id, "UnderReview"), HttpStatusCode.Conflict);
        var noReason = await ProblemAsync(await MoveAsync(reviewer, id, "Rejected", "  "), HttpStatusCode.Conflict);
        Assert.Equal("Say why the report is rejected: a reason is required.", noReason.GetProperty("detail").GetString());
        await ProblemAsync(await MoveAsync(reviewer, id, "Sideways"), HttpStatusCode.BadRequest);

        await MoveOkAsync(reviewer, id, "Rejected", "second-hand rumour, no witness");
        var final = await ProblemAsync(await MoveAsync(reviewer, id, "UnderReview"), HttpStatusCode.Conflict);
        Assert.Equal("A report cannot go from Rejected to UnderReview. From Rejected it can go to: nowhere, it is final.", final.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Publishing_a_restricted_report_needs_a_second_coordinator()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (first, firstClient) = await PersonAsync(app, Role.Coordinator, organisation);
        var (second, secondClient) = await PersonAsync(app, Role.Coordinator, organisation);
        var id = await FileAsync(author, Input("Defender threatened", "Restricted", readers: [first.Id, second.Id]));
        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(firstClient, id, "UnderReview");
        await MoveOkAsync(firstClient, id, "Verified");

        var alone = await ProblemAsync(await MoveAsync(firstClient, id, "Published"), HttpStatusCode.Conflict);
        Assert.Contains("needs a second reviewer", alone.GetProperty("detail").GetString());
        await MoveOkAsync(secondClient, id, "Published");
    }

    [Fact]
    public async Task A_report_queued_offline_keeps_the_time_it_was_recorded_unless_the_phone_s_clock_is_plainly_wrong()
    {
        var (_, author) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Monitors"));
        var recorded = DateTimeOffset.UtcNow.AddDays(-3);
        async Task<DateTimeOffset> ReportedAtAsync(DateTimeOffset phoneTime)
        {
            using var report = await author.PostAsJsonAsync("/api/v1/reports", new
            {
                clientId = Guid.NewGuid(), title = "Queued on Monday", narrative = "Recorded with no signal.", category = "mining", occurredFrom = "2025-03-14",
                adminUnitCode = PreahVihearCommune, reportedAt = phoneTime,
            });
            Assert.Equal(HttpStatusCode.Created, report.StatusCode);
            return (await report.ReadJsonAsync()).GetProperty("reportedAt").GetDateTimeOffset();
        }

        Assert.Equal(recorded, await ReportedAtAsync(recorded), TimeSpan.FromMilliseconds(1));
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(now, await ReportedAtAsync(now.AddDays(2)), TimeSpan.FromMinutes(1));
        Assert.Equal(now, await ReportedAtAsync(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Sending_the_same_report_twice_keeps_one_report()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var clientId = Guid.NewGuid();

        using var first = await author.PostAsJsonAsync("/api/v1/reports", Input("Sent twice", clientId: clientId));
        using var again = await author.PostAsJsonAsync("/api/v1/reports", Input("Sent twice", clientId: clientId));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetGuid(), (await again.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Reports.CountAsync(r => r.ClientId == clientId)));
    }

    [Fact]
    public async Task Bad_reports_are_refused_field_by_field_and_a_point_outside_Cambodia_says_so()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, viewer) = await PersonAsync(app, Role.Viewer, organisation);

        using var response = await author.PostAsJsonAsync("/api/v1/reports", new
        {
            clientId = Guid.NewGuid(), title = "Bangkok", narrative = "x", category = "weather", occurredFrom = "2025-03-14",
            occurredTo = "2025-03-01", adminUnitCode = "999999", latitude = 13.75, longitude = 100.5, confidentiality = "7", sourceKind = "FirstHand, SecondHand",
        });
        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("outside Cambodia", errors.GetProperty("latitude")[0].GetString());
        Assert.Contains("mining", errors.GetProperty("category")[0].GetString());
        Assert.Contains("no place in the gazetteer", errors.GetProperty("adminUnitCode")[0].GetString());
        Assert.Equal("The end date is before the start date.", errors.GetProperty("occurredTo")[0].GetString());
        // A number or a list of names would slip an unnamed confidentiality level through, so neither is taken.
        Assert.Equal("confidentiality is Public, Network, Organisation or Restricted.", errors.GetProperty("confidentiality")[0].GetString());
        Assert.Equal("sourceKind is FirstHand or SecondHand.", errors.GetProperty("sourceKind")[0].GetString());
        // Within a rectangle round Cambodia, but Vietnamese.
        using var phuQuoc = await author.PostAsJsonAsync("/api/v1/reports", new
        {
            clientId = Guid.NewGuid(), title = "Phu Quoc", narrative = "x", category = "mining", occurredFrom = "2025-03-14", adminUnitCode = "0701", latitude = 10.2899, longitude = 103.984,
        });
        Assert.Equal("The point 10.2899, 103.984 is outside Cambodia's borders; check the position, leave it out, or give the country the report is located in.",
            (await ProblemAsync(phuQuoc, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("latitude")[0].GetString());
        using var asViewer = await viewer.PostAsJsonAsync("/api/v1/reports", Input("Viewers only read"));
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        await ProblemAsync(await author.GetAsync("/api/v1/reports?status=Lost"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_author_edits_and_only_while_a_draft()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, organisation);
        var clientId = Guid.NewGuid();
        var id = await FileAsync(author, Input("First title", clientId: clientId));

        using var edit = await author.PutAsJsonAsync($"/api/v1/reports/{id}", Input("Better title", clientId: clientId));
        Assert.Equal("Better title", (await edit.ReadJsonAsync()).GetProperty("title").GetString());
        await MoveOkAsync(author, id, "Submitted");
        await ProblemAsync(await coordinator.PutAsJsonAsync($"/api/v1/reports/{id}", Input("Coordinator's title", clientId: clientId)), HttpStatusCode.BadRequest);
        var late = await ProblemAsync(await author.PutAsJsonAsync($"/api/v1/reports/{id}", Input("Late title", clientId: clientId)), HttpStatusCode.BadRequest);
        Assert.Contains("only drafts can be changed", late.GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task Evidence_whose_hash_does_not_match_is_refused_and_a_retry_is_not_a_duplicate()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var id = await FileAsync(author, Input("With a statement"));
        var pdf = SampleFiles.Pdf();
        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var uploadId = Guid.NewGuid();

        var mismatch = await ProblemAsync(await UploadAsync(author, id, pdf, new string('0', 64), Guid.NewGuid()), HttpStatusCode.BadRequest);
        Assert.Contains("The file that arrived is not the file your device sent", mismatch.GetProperty("detail").GetString());
        using var stored = await UploadAsync(author, id, pdf, hash, uploadId);
        using var retried = await UploadAsync(author, id, pdf, hash, uploadId);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (stored.StatusCode, retried.StatusCode));
        var evidence = (await author.GetJsonAsync($"/api/v1/reports/{id}")).GetProperty("evidence");
        Assert.Equal(hash, Assert.Single(evidence.EnumerateArray()).GetProperty("sha256").GetString());

        var fileId = (await stored.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(pdf, await author.GetByteArrayAsync($"/api/v1/reports/{id}/evidence/{fileId}"));
        Assert.Equal(2, await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().CustodyEntries.CountAsync(e => e.FileId == fileId)));
    }

    [Fact]
    public async Task The_report_page_describes_people_in_the_readers_language_and_says_when_no_one_is_named_or_counted()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var named = await FileAsync(author, Input("Witness statement"));
        var empty = await FileAsync(author, new
        {
            clientId = Guid.NewGuid(), title = "Nobody named", narrative = "A road was closed.", category = "mining",
            occurredFrom = "2025-03-14", adminUnitCode = PreahVihearCommune, confidentiality = "Network",
        });
        await AddPersonAsync(author, named, "Chhorn Sreymom");

        var english = await author.GetStringAsync($"/reports/{named}");
        var khmer = await author.GetStringAsync($"/reports/{named}?culture=km");
        var nobody = await author.GetStringAsync($"/reports/{empty}");

        Assert.Contains("<li>Chhorn Sreymom (witness, female) — " + WitnessContact, english);
        Assert.Contains("<li>Chhorn Sreymom (សាក្សី, ស្រី) — " + WitnessContact, khmer);
        Assert.DoesNotContain("(Witness", khmer);
        Assert.Contains("Women 3 · Men 2 · Girls 0", english);
        Assert.Contains("No one is named in this report.", nobody);
        Assert.Contains("<dd>Not counted</dd>", nobody);
    }

    [Fact]
    public async Task A_witness_named_through_the_API_is_nowhere_in_the_raw_database()
    {
        const string Witness = "Chhorn Witness-Raw-Canary";
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var id = await FileAsync(author, Input("Witness statement"));

        await AddPersonAsync(author, id, Witness);

        var people = (await author.GetJsonAsync($"/api/v1/reports/{id}")).GetProperty("people");
        Assert.Equal(Witness, Assert.Single(people.EnumerateArray()).GetProperty("name").GetString());
        Assert.False(RawStorage.Holds(await RawStorage.DatabaseBytesAsync(app), Witness), "the witness name is readable in the raw database");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid reportId, byte[] content, string sha256, Guid uploadId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "statement.pdf");
        form.Add(new StringContent(sha256), "sha256");
        form.Add(new StringContent(uploadId.ToString()), "clientUploadId");
        return await client.PostAsync($"/api/v1/reports/{reportId}/evidence", form);
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteReportWorkflowTests(SqliteApp app) : ReportWorkflowTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresReportWorkflowTests(PostgresApp app) : ReportWorkflowTests(app);
