using System.Net;
using System.Net.Http.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>
/// Reports located in another country: monitors follow landmine and cluster-munition use worldwide, mostly from
/// second-hand sources, and such a report must say where it happened instead of borrowing a Cambodian province.
/// </summary>
public abstract class ReportsAbroadTests(SpeanApp app)
{
    [Fact]
    public async Task A_report_located_in_Myanmar_is_filed_listed_counted_exported_and_kept_off_Cambodias_map()
    {
        var organisation = await OrganisationAsync(app, "Worldwide monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, organisation);
        var title = "Cluster munitions used near Lashio " + Guid.NewGuid().ToString("N")[..6];
        var abroad = await FileAsync(author, new
        {
            clientId = Guid.NewGuid(), title, narrative = "Reported by a news agency: cluster munitions struck a village.", category = "landmines",
            occurredFrom = "2025-05-02", countryIso3 = "mmr", latitude = 22.93, longitude = 97.75, sourceKind = "SecondHand", confidentiality = "Network",
        });
        var home = await FileAsync(author, Input("Mine found at home " + Guid.NewGuid().ToString("N")[..6], category: "landmines"));
        await PublishAsync(author, coordinator, abroad);

        var read = await author.GetFromJsonAsync<ReportRead>($"/api/v1/reports/{abroad}");
        Assert.Equal(("MMR", null), (read!.CountryIso3, read.AdminUnitCode));

        var inMyanmar = await author.GetFromJsonAsync<ReportList>("/api/v1/reports?place=MMR&category=landmines");
        Assert.Equal([abroad], inMyanmar!.Items.Select(r => r.Id));
        Assert.Equal("MMR", inMyanmar.Items[0].CountryIso3);
        var inCambodia = await author.GetFromJsonAsync<ReportList>("/api/v1/reports?place=KHM&pageSize=100");
        Assert.Contains(home, inCambodia!.Items.Select(r => r.Id));
        Assert.DoesNotContain(abroad, inCambodia.Items.Select(r => r.Id));
        var everywhere = await author.GetFromJsonAsync<ReportList>("/api/v1/reports?q=Lashio");
        Assert.Equal(1, everywhere!.ByProvince.GetValueOrDefault("MMR"));

        var list = await author.GetStringAsync("/reports?category=landmines");
        Assert.Contains("<optgroup label=\"Other countries\">", list);
        Assert.Matches("<option value=\"MMR\"[^>]*>Myanmar \\(1\\)</option>", list);
        Assert.Contains("<a href=\"/reports/timeline?place=MMR\">Myanmar</a>", list);
        Assert.Contains("<a href=\"/reports?place=MMR\">មីយ៉ាន់ម៉ា</a>", await author.GetStringAsync($"/reports/{abroad}?culture=km"));
        var timeline = await author.GetStringAsync("/reports/timeline?place=MMR");
        Assert.Contains("Timeline: មីយ៉ាន់ម៉ា · Myanmar", timeline);
        Assert.Contains(title, timeline);
        Assert.DoesNotContain("Mine found at home", timeline, StringComparison.Ordinal);
        var everyPlace = await author.GetStringAsync("/reports/timeline?category=landmines&culture=km");
        Assert.Contains("<h1>កាលប្បវត្តិ: គ្រប់ទីកន្លែង</h1>", everyPlace);
        Assert.Contains(title, everyPlace);
        Assert.Contains("<h1>Timeline: Cambodia</h1>", await author.GetStringAsync("/reports/timeline?place=KHM&category=landmines"));

        var csv = await author.GetStringAsync("/api/v1/reports/export.csv?place=MMR");
        var header = csv.Split('\n')[0];
        Assert.Contains("Country,Country (Khmer)", header);
        Assert.Contains("Myanmar,មីយ៉ាន់ម៉ា", csv.Split('\n')[1]);

        var map = await author.GetStringAsync("/map?category=landmines");
        Assert.Contains("Reports located outside Cambodia (not on this map)", map);
        Assert.Matches("<a href=\"/reports\\?place=MMR&amp;category=landmines\">Myanmar</a>: 1", map);
        var anonymousMap = await app.CreateClient().GetStringAsync("/map?category=landmines");
        Assert.DoesNotContain("Myanmar", anonymousMap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_a_report_is_located_is_checked_and_each_refusal_names_the_field_to_change()
    {
        var organisation = await OrganisationAsync(app, "Careful monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);

        async Task<string> RefusedAsync(object input, string field)
        {
            using var response = await author.PostAsJsonAsync("/api/v1/reports", input);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), problem.ToString());
            return messages[0].GetString()!;
        }
        object Report(string? place, string? country, double? latitude = null, double? longitude = null) => new
        {
            clientId = Guid.NewGuid(), title = "Where was it?", narrative = "A mine exploded.", category = "landmines", occurredFrom = "2025-01-10",
            adminUnitCode = place, countryIso3 = country, latitude, longitude,
        };

        Assert.Contains("\"XYZ\" is not a country's ISO 3166 alpha-3 code", await RefusedAsync(Report(null, "xyz"), "countryIso3"));
        Assert.Contains("is a place in Cambodia, but the report is located in UKR", await RefusedAsync(Report("13", "UKR"), "adminUnitCode"));
        Assert.Contains("is no place in the gazetteer", await RefusedAsync(Report(null, null), "adminUnitCode"));
        Assert.Contains("give the country the report is located in", await RefusedAsync(Report("13", null, 22.93, 97.75), "latitude"));
        Assert.Contains("is not on the Earth", await RefusedAsync(Report(null, "UKR", 95, 30), "latitude"));
        var cambodiaNamed = await FileAsync(author, Report("13", "KHM", 13.8, 104.98));
        Assert.Equal(("13", null), await author.GetFromJsonAsync<ReportRead>($"/api/v1/reports/{cambodiaNamed}") is { } r ? (r.AdminUnitCode, r.CountryIso3) : default);
        using var badPlace = await author.GetAsync("/api/v1/reports?place=Myanmar");
        Assert.Contains("alpha-3 code", (await ProblemAsync(badPlace, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_report_form_files_a_report_in_another_country_without_a_place_and_says_so_in_Khmer()
    {
        var organisation = await OrganisationAsync(app, "Form monitors abroad");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);

        var khmerForm = await author.GetStringAsync("/reports/new?culture=km");
        Assert.Contains("<option value=\"UKR\">អ៊ុយក្រែន</option>", khmerForm);
        Assert.Contains("ប្រទេស", khmerForm);
        Assert.DoesNotContain("name=\"Input.AdminUnitCode\" value=\"130101\"", khmerForm, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Input.ClientId"] = Guid.NewGuid().ToString(), ["Input.CountryIso3"] = "UKR", ["Input.Title"] = "Anti-personnel mines laid in Kharkiv region",
            ["Input.Narrative"] = "A partner organisation reports newly laid mines.", ["Input.Category"] = "landmines", ["Input.OccurredFrom"] = "2025-04-01",
            ["Input.SourceKind"] = "SecondHand", ["Input.Confidentiality"] = "Organisation",
        };
        using var both = await author.SubmitAsync("/reports/new?culture=km", new Dictionary<string, string>(fields)
            { ["Input.ClientId"] = Guid.NewGuid().ToString(), ["Input.AdminUnitCode"] = PreahVihearCommune }, formSource: "/reports/new?q=S'ang", formName: "new-report");
        Assert.Contains("ជាទីកន្លែងមួយក្នុងប្រទេសកម្ពុជា ប៉ុន្តែរបាយការណ៍នេះមានទីតាំងនៅប្រទេស UKR", await both.Content.ReadAsStringAsync());

        using var saved = await author.SubmitAsync("/reports/new", fields, formName: "new-report");
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.Segments[^1]);
        var page = await author.GetStringAsync($"/reports/{id}");
        Assert.Contains("<a href=\"/reports?place=UKR\">Ukraine</a>", page);
        Assert.Contains("<option value=\"UKR\" selected>Ukraine</option>", await author.GetStringAsync($"/reports/{id}/edit"));
    }

    private sealed record ReportRead(Guid Id, string? AdminUnitCode, string? CountryIso3);

    private sealed record ReportList(List<ReportRead> Items, Dictionary<string, int> ByProvince);
}

public sealed class SqliteReportsAbroadTests(SqliteApp app) : ReportsAbroadTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportsAbroadTests(PostgresApp app) : ReportsAbroadTests(app), IClassFixture<PostgresApp>;
