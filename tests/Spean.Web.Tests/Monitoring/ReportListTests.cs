using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The list's counts beside every filter, and the timeline of a place, through the API and the pages.</summary>
public abstract class ReportListTests(SpeanApp app)
{
    private const string Kandieng = "1502";

    private static readonly (string Counts, string Filter)[] Facets =
        [("byCategory", "category"), ("byStatus", "status"), ("byConfidentiality", "confidentiality"), ("byEvidence", "hasEvidence"), ("byProvince", "place")];

    [Fact]
    public async Task Every_count_beside_a_filter_is_what_choosing_that_value_lists()
    {
        var organisation = await OrganisationAsync(app, "Counters");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (coordinator, reviewer) = await PersonAsync(app, Role.Coordinator, organisation);
        async Task<Guid> PlantAsync(string category, string place, string confidentiality, string status, bool evidence = false)
        {
            var id = await FileAsync(author, Input($"Counted {category} {place}", confidentiality, place: place, category: category,
                readers: confidentiality == "Restricted" ? [coordinator.Id] : null));
            if (evidence) await UploadOkAsync(author, id, SampleFiles.Png());
            if (status != "Draft") await MoveOkAsync(author, id, "Submitted");
            if (status == "Published")
                foreach (var step in new[] { "UnderReview", "Verified", "Published" }) await MoveOkAsync(reviewer, id, step);
            return id;
        }
        await PlantAsync("mining", "010201", "Network", "Published", evidence: true);
        await PlantAsync("land", "010201", "Organisation", "Submitted");
        await PlantAsync("land", "12", "Organisation", "Published");
        await PlantAsync("defenders", "12", "Restricted", "Submitted", evidence: true);
        await PlantAsync("mining", "010201", "Public", "Published");
        await PlantAsync("other", "010201", "Network", "Draft", evidence: true);

        // The author's draft has evidence too, and the reviewer may not see it.
        Assert.Equal(2, (await reviewer.GetJsonAsync("/api/v1/reports")).GetProperty("byEvidence").GetProperty("true").GetInt32());
        foreach (var filters in new[] { "", "category=land", "status=Submitted&place=01", "confidentiality=Organisation&category=land", "hasEvidence=true", "hasEvidence=false&place=12", "place=0102&category=mining", "place=KHM&hasEvidence=true" })
        {
            var list = await reviewer.GetJsonAsync($"/api/v1/reports?{filters}&pageSize=100");
            Assert.Equal(list.GetProperty("total").GetInt32(), list.GetProperty("items").GetArrayLength());
            foreach (var (counts, filter) in Facets)
            {
                foreach (var value in list.GetProperty(counts).EnumerateObject())
                {
                    var chosen = await reviewer.GetJsonAsync($"/api/v1/reports?{With(filters, filter, value.Name)}&pageSize=100");
                    Assert.True(value.Value.GetInt32() == chosen.GetProperty("total").GetInt32(), $"?{filters}: {counts}[{value.Name}] = {value.Value} but choosing it lists {chosen.GetProperty("total")}");
                }
            }
        }

        var land = await reviewer.GetJsonAsync("/api/v1/reports?category=land&pageSize=100");
        Assert.True(land.GetProperty("byCategory").GetProperty("mining").GetInt32() >= 2, "a filter's counts leave out its own choice");
        var page = await reviewer.GetStringAsync("/reports?category=land");
        foreach (var (status, count) in land.GetProperty("byStatus").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())))
            Assert.Matches($"<option value=\"{status}\"[^>]*>[^<]+ \\({count}\\)</option>", page);
        Assert.Matches($"<option value=\"12\"[^>]*>Phnom Penh \\({land.GetProperty("byProvince").GetProperty("12").GetInt32()}\\)</option>", page);
    }

    [Fact]
    public async Task A_report_is_counted_under_its_province_or_its_country_abroad_and_moves_with_its_place()
    {
        var organisation = await OrganisationAsync(app, "Movers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var word = "moved" + Guid.NewGuid().ToString("N")[..8];
        const string Day = "1991-10-23";
        object Abroad(string country, Guid? clientId = null) => new
        {
            clientId = clientId ?? Guid.NewGuid(), title = $"{word} abroad", narrative = "Reported by a partner organisation.", category = "landmines",
            occurredFrom = Day, countryIso3 = country, sourceKind = "SecondHand", confidentiality = "Network",
        };
        async Task EditAsync(Guid id, object input)
        {
            using var response = await author.PutAsJsonAsync($"/api/v1/reports/{id}", input);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await FileAsync(author, Input($"{word} in a commune", place: "010201", occurredFrom: Day));
        await FileAsync(author, Abroad("MMR"));
        var goesAbroad = Guid.NewGuid();
        var leftPhnomPenh = await FileAsync(author, Input($"{word} in Phnom Penh", place: "12", clientId: goesAbroad, occurredFrom: Day));
        await EditAsync(leftPhnomPenh, Abroad("THA", goesAbroad));
        var comesHome = Guid.NewGuid();
        var cameHome = await FileAsync(author, Abroad("UKR", comesHome));
        await EditAsync(cameHome, Input($"{word} found at home", place: "010201", clientId: comesHome, occurredFrom: Day));

        var counts = (await author.GetJsonAsync($"/api/v1/reports?q={word}")).GetProperty("byProvince");
        Assert.Equal(new Dictionary<string, int> { ["01"] = 2, ["MMR"] = 1, ["THA"] = 1 },
            counts.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32()));
        var map = await author.GetStringAsync($"/map?from={Day}&to={Day}");
        Assert.Matches(">Banteay Meanchey</a></td>\\s*<td>2</td>", map);
        Assert.Matches(">Phnom Penh</a></td>\\s*<td>0</td>", map);
        Assert.Matches(">Myanmar</a>: 1</li>", map);
        Assert.Matches(">Thailand</a>: 1</li>", map);
        Assert.DoesNotContain("Ukraine", map, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_counts_a_province_over_every_status_and_confidentiality_each_reader_may_see()
    {
        var organisation = await OrganisationAsync(app, "Mappers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (reader, readerClient) = await PersonAsync(app, Role.Member, organisation);
        var (_, colleague) = await PersonAsync(app, Role.Member, organisation);
        const string Day = "1987-02-11";
        async Task FileSubmittedAsync(string confidentiality, IEnumerable<Guid>? readers = null) =>
            await MoveOkAsync(author, await FileAsync(author, Input($"Mapped {confidentiality}", confidentiality, readers: readers, occurredFrom: Day)), "Submitted");

        await FileAsync(author, Input("Mapped draft", occurredFrom: Day));
        await FileSubmittedAsync("Network");
        await FileSubmittedAsync("Organisation");
        await FileSubmittedAsync("Restricted", [reader.Id]);
        await FileSubmittedAsync("Restricted");

        foreach (var (client, expected) in new[] { (author, 5), (readerClient, 3), (colleague, 2) })
        {
            var listed = (await client.GetJsonAsync($"/api/v1/reports?from={Day}&to={Day}")).GetProperty("byProvince").GetProperty("13").GetInt32();
            var map = await client.GetStringAsync($"/map?from={Day}&to={Day}");
            Assert.Equal(expected, listed);
            Assert.Contains($"<title>Preah Vihear: {expected}</title>", map, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_counts_follow_every_change_the_app_saves_at_once_and_one_made_beside_it_within_seconds()
    {
        var organisation = await OrganisationAsync(app, "Recounters");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, colleague) = await PersonAsync(app, Role.Member, organisation);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Elsewhere"));
        const string Day = "1979-01-07";
        async Task<(int Colleague, int WithEvidence, int Outsider)> CountsAsync()
        {
            var seen = await colleague.GetJsonAsync($"/api/v1/reports?from={Day}&to={Day}");
            var evidence = seen.GetProperty("byEvidence").TryGetProperty("true", out var count) ? count.GetInt32() : 0;
            return (seen.GetProperty("total").GetInt32(), evidence, (await outsider.GetJsonAsync($"/api/v1/reports?from={Day}&to={Day}")).GetProperty("total").GetInt32());
        }

        Assert.Equal((0, 0, 0), await CountsAsync());
        var network = await FileAsync(author, Input("Recounted for the network", "Network", occurredFrom: Day));
        await MoveOkAsync(author, network, "Submitted");
        Assert.Equal((1, 0, 1), await CountsAsync());
        await UploadOkAsync(author, network, SampleFiles.Png());
        Assert.Equal((1, 1, 1), await CountsAsync());
        await MoveOkAsync(author, await FileAsync(author, Input("Recounted for the organisation", "Organisation", occurredFrom: Day)), "Submitted");
        Assert.Equal((2, 1, 1), await CountsAsync());

        // Written to the database beside the app, as a second app on the same database or a restore would.
        await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Reports.Where(r => r.Id == network)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Confidentiality, Confidentiality.Organisation)));
        var waited = Stopwatch.StartNew();
        while ((await CountsAsync()).Outsider != 0 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(250);
        Assert.Equal((2, 1, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_report_saved_inside_a_transaction_is_counted_once_the_transaction_commits()
    {
        var organisation = await OrganisationAsync(app, "Transacting");
        var (author, _) = await PersonAsync(app, Role.Member, organisation);
        var (_, reader) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Reading"));
        const string Day = "1970-04-17";
        async Task<int> CountedAsync() => (await reader.GetJsonAsync($"/api/v1/reports?from={Day}&to={Day}")).GetProperty("total").GetInt32();

        Assert.Equal(0, await CountedAsync());
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Reports.Add(new Report
            {
                ClientId = Guid.NewGuid(), Title = "Saved in a transaction", Narrative = "Counted once committed.", Category = "land",
                OccurredFrom = DateOnly.Parse(Day, CultureInfo.InvariantCulture), ReportedAt = DateTime.UtcNow, AdminUnitCode = "12",
                Confidentiality = Confidentiality.Network, Status = ReportStatus.Submitted, OrganisationId = organisation, AuthorId = author.Id,
            });
            await db.SaveChangesAsync();
            // Counted on another connection while the transaction is open: the report is not there yet.
            Assert.Equal(0, await CountedAsync());
            await transaction.CommitAsync();
        });
        Assert.Equal(1, await CountedAsync());
    }

    [Fact]
    public async Task The_timeline_of_a_place_runs_oldest_first_by_year_and_month_with_counts()
    {
        var organisation = await OrganisationAsync(app, "Chroniclers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        async Task<Guid> PlantAsync(string title, string date, string place, string category = "land")
        {
            var id = await FileAsync(author, Input(title, "Organisation", place: place, category: category, occurredFrom: date));
            await MoveOkAsync(author, id, "Submitted");
            return id;
        }
        await PlantAsync("Fence in July", "2024-07-01", "170102");
        await PlantAsync("Eviction notice", "2024-03-14", "170101", "defenders");
        await PlantAsync("Survey pegs", "2024-03-02", "1701");
        await PlantAsync("First bulldozer", "2023-11-02", "170101");
        await PlantAsync("Elsewhere", "2024-03-20", "170201");

        var timeline = await author.GetJsonAsync("/api/v1/reports/timeline?place=1701");
        var html = await author.GetStringAsync("/reports/timeline?place=1701");

        Assert.Equal("Angkor Chum", timeline.GetProperty("place").GetProperty("nameLatin").GetString());
        Assert.Equal(["Siem Reap", "Angkor Chum"], timeline.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("nameLatin").GetString()));
        Assert.Equal(4, timeline.GetProperty("total").GetInt32());
        Assert.Equal(3, timeline.GetProperty("byCategory").GetProperty("land").GetInt32());
        var years = timeline.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2023, 2024], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(3, years[1].GetProperty("total").GetInt32());
        var months = years[1].GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2024-03", "2024-07"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(["Survey pegs", "Eviction notice"], months[0].GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(1, months[0].GetProperty("byCategory").GetProperty("defenders").GetInt32());
        Assert.Equal("ចារឈូក", months[0].GetProperty("reports")[1].GetProperty("placeKm").GetString());

        Assert.Contains("អង្គរជុំ · Angkor Chum", html);
        Assert.Contains("<a href=\"/reports/timeline?place=17\">Siem Reap</a>", html);
        string[] chronology = ["November 2023", "First bulldozer", "March 2024", "Survey pegs", "Eviction notice", "July 2024", "Fence in July"];
        var order = chronology.Select(text => html.IndexOf(text, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("Elsewhere", html);
    }

    [Fact]
    public async Task A_long_timeline_comes_a_page_at_a_time_with_every_count_on_every_page()
    {
        var organisation = await OrganisationAsync(app, "Long chronicle");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var first = new DateOnly(2020, 1, 1);
        for (var i = 0; i < ReportTimeline.PageSize; i++)
            await FileAsync(author, Input($"Paged report {i:000}", "Organisation", place: Kandieng, category: "land", occurredFrom: first.AddDays(i).ToString("O", CultureInfo.InvariantCulture)));
        await FileAsync(author, Input("The report of the next year", "Organisation", place: Kandieng, category: "mining", occurredFrom: "2021-03-01"));

        var pageOne = await author.GetJsonAsync($"/api/v1/reports/timeline?place={Kandieng}");
        var pageTwo = await author.GetJsonAsync($"/api/v1/reports/timeline?place={Kandieng}&page=2");

        foreach (var page in new[] { pageOne, pageTwo })
        {
            Assert.Equal((201, 2), (page.GetProperty("total").GetInt32(), page.GetProperty("pageCount").GetInt32()));
            Assert.Equal([(2020, 200, 1), (2021, 1, 2)], page.GetProperty("years").EnumerateArray()
                .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("total").GetInt32(), y.GetProperty("page").GetInt32())));
        }
        static List<string?> Titles(JsonElement timeline) => timeline.GetProperty("years").EnumerateArray()
            .SelectMany(y => y.GetProperty("months").EnumerateArray()).SelectMany(m => m.GetProperty("reports").EnumerateArray())
            .Select(r => r.GetProperty("title").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"Paged report {i:000}"), Titles(pageOne));
        Assert.Equal(["The report of the next year"], Titles(pageTwo));

        var html = await author.GetStringAsync($"/reports/timeline?place={Kandieng}&page=2");
        Assert.Contains("The report of the next year", html);
        Assert.DoesNotContain("Paged report", html);
        Assert.Contains("Page 2 of 2", html);
        Assert.Contains($"<a href=\"/reports/timeline?place={Kandieng}&amp;page=1\">Earlier reports</a>", html);
        Assert.Contains($"<a href=\"/reports/timeline?place={Kandieng}&amp;page=1#year-2020\">2020 (200)</a>", html);
    }

    [Fact]
    public async Task The_timeline_is_reached_from_the_list_and_a_report_and_keeps_the_filters()
    {
        var organisation = await OrganisationAsync(app, "Linkers");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var id = await FileAsync(author, Input("Linked report", "Organisation", place: "170201", category: "land"));

        var report = await author.GetStringAsync($"/reports/{id}");
        var list = await author.GetStringAsync("/reports?place=17&category=land&page=1");
        var timeline = await author.GetStringAsync("/reports/timeline?place=17&category=land");

        Assert.Contains("<a href=\"/reports/timeline?place=170201\">", report);
        Assert.Contains("<a href=\"/reports/timeline?place=170201\">Chob Ta Trav</a>", list);
        Assert.Contains("href=\"/reports/timeline?place=17&amp;category=land\"", list);
        Assert.Contains("href=\"/api/v1/reports/export.xlsx?place=17&amp;category=land\"", list);
        Assert.Contains("href=\"/reports?place=17&amp;category=land\"", timeline);
        Assert.Contains("Linked report", timeline);
    }

    [Theory]
    [InlineData("/api/v1/reports/export.csv?status=Lost", HttpStatusCode.BadRequest, "'status' is Draft, Submitted, UnderReview, Verified, Published or Rejected.")]
    [InlineData("/api/v1/reports/export.xlsx?from=March", HttpStatusCode.BadRequest, "'from' must be a date like 2024-03-31.")]
    [InlineData("/api/v1/reports/timeline?place=17a", HttpStatusCode.BadRequest, "'place' is a gazetteer code (digits only, 2 for a province up to 8 for a village) or a country's alpha-3 code for reports located abroad (e.g. MMR).")]
    [InlineData("/api/v1/reports/timeline?place=99", HttpStatusCode.NotFound, "There is no place with the code \"99\" in the gazetteer; find codes at /api/v1/gazetteer.")]
    public async Task Bad_filters_and_unknown_places_are_problems_that_say_what_to_fix(string url, HttpStatusCode status, string detail)
    {
        var problem = await ProblemAsync(await app.AnonymousClient().GetAsync(url), status);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/reports?from=March", "&#x27;from&#x27; must be a date like 2024-03-31.")]
    [InlineData("/reports?from=March&culture=km", "&#x27;from&#x27; ត្រូវតែជាកាលបរិច្ឆេទ ដូចជា 2024-03-31។")]
    [InlineData("/reports/timeline?page=0&culture=km", "&#x27;page&#x27; ជាចំនួនគត់ ចាប់ពី 1។")]
    public async Task A_filter_the_pages_cannot_read_is_explained_in_the_readers_language(string url, string said)
    {
        var page = await app.AnonymousClient().GetStringAsync(url);

        Assert.Contains($"<p class=\"error\" role=\"alert\">{said}</p>", page);
    }

    [Fact]
    public async Task The_timeline_page_of_an_unknown_place_says_so_with_a_404()
    {
        using var response = await app.AnonymousClient().GetAsync("/reports/timeline?place=99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No administrative unit has this code.", await response.Content.ReadAsStringAsync());
    }

    private static string With(string filters, string name, string value)
    {
        var pairs = filters.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal));
        return string.Join("&", pairs.Append($"{name}={Uri.EscapeDataString(value)}"));
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteReportListTests(SqliteApp app) : ReportListTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresReportListTests(PostgresApp app) : ReportListTests(app);
