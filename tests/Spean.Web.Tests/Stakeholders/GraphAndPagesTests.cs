using System.Net;
using System.Net.Http.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Stakeholders;

/// <summary>Relationships and the graph around a stakeholder, and the register's pages in English and Khmer.</summary>
public abstract class GraphAndPagesTests(SpeanApp app)
{
    private static async Task RelateAsync(HttpClient client, Guid from, Guid to, string type)
    {
        using var response = await client.PostAsJsonAsync($"{Api}/relationships", new { fromId = from, toId = to, type });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_graph_walks_only_through_stakeholders_the_viewer_may_see()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "B"));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var donor = await AddAsync(author, new { kind = "Donor", nameLatin = "Donor " + marker, confidentiality = "Public" });
        var network = await AddAsync(author, new { kind = "CivilSociety", nameLatin = "Network " + marker, confidentiality = "Network" });
        var source = await AddAsync(author, Person("SRC" + marker, "Restricted"));
        var company = await AddAsync(author, new { kind = "Company", nameLatin = "Company " + marker, confidentiality = "Network" });
        var far = await AddAsync(author, new { kind = "Media", nameLatin = "Radio " + marker, confidentiality = "Network" });
        await RelateAsync(author, donor, network, "Funds");
        await RelateAsync(author, source, network, "MemberOf");
        await RelateAsync(author, source, company, "Opposes");
        await RelateAsync(author, network, far, "WorksWith");

        var full = await author.GetJsonAsync($"{Api}/{network}/graph?depth=2");
        Assert.Equal(4, full.GetProperty("nodes").GetArrayLength());
        Assert.Equal(4, full.GetProperty("edges").GetArrayLength());

        var seen = await outsider.GetJsonAsync($"{Api}/{network}/graph?depth=2");
        var nodes = seen.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ToHashSet();
        // The company is tied to the network only through the Restricted source: it must not appear, nor the source.
        Assert.Equal([donor, far], nodes.Order());
        Assert.Equal(2, seen.GetProperty("edges").GetArrayLength());
        Assert.DoesNotContain(source.ToString(), seen.GetRawText());

        var page = await outsider.GetStringAsync($"/stakeholders/{network}?depth=2");
        Assert.Contains("<svg class=\"stakeholder-graph\"", page);
        Assert.Contains("Donor " + marker, page);
        Assert.DoesNotContain("SRC" + marker, page);
        Assert.DoesNotContain("Company " + marker, page);
        Assert.Contains("data-type=\"Funds\"", page);
    }

    [Fact]
    public async Task The_register_pages_speak_Khmer_and_English_and_name_no_restricted_participant()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "B"));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var council = await AddAsync(author, new { kind = "CommuneCouncil", nameLatin = "Council " + marker, nameKhmer = "ក្រុមប្រឹក្សាឃុំ " + marker, confidentiality = "Network" });
        var source = await AddAsync(author, Person("SRC" + marker, "Restricted"));
        using (var recorded = await author.PostAsJsonAsync($"{Api}/engagements", new
               {
                   kind = "Meeting", date = "2025-04-01", subject = "Council meeting " + marker, participantIds = new[] { source }, organisationIds = new[] { council },
                   confidentiality = "Network",
               }))
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var english = await outsider.GetStringAsync($"/stakeholders?q={marker}");
        Assert.Contains("Stakeholder register", english);
        Assert.Contains("Council " + marker, english);
        var khmer = await outsider.GetStringAsync($"/stakeholders?q={marker}&culture=km");
        Assert.Contains("បញ្ជីភាគីពាក់ព័ន្ធ", khmer);
        Assert.Contains("ក្រុមប្រឹក្សាឃុំ " + marker, khmer);
        Assert.DoesNotContain("Stakeholder register", khmer);

        var detail = await outsider.GetStringAsync($"/stakeholders/{council}");
        Assert.Contains("Council meeting " + marker, detail);
        var engagement = System.Text.RegularExpressions.Regex.Match(detail, "/stakeholders/engagements/([0-9a-f-]{36})").Groups[1].Value;
        var meeting = await outsider.GetStringAsync($"/stakeholders/engagements/{engagement}?culture=km");
        Assert.Contains("ទំនាក់ទំនងដែលត្រូវបានរឹតបន្តឹង", meeting);
        Assert.DoesNotContain("SRC" + marker, meeting);

        using var hidden = await outsider.GetAsync($"/stakeholders/{source}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("SRC" + marker, await hidden.Content.ReadAsStringAsync());

        foreach (var path in new[] { "/stakeholders/new", "/stakeholders/engagements/new", "/stakeholders/follow-ups", "/stakeholders/import", $"/stakeholders/{council}/edit" })
        {
            var html = await author.GetStringAsync(path + "?culture=km");
            Assert.Contains("lang=\"km\"", html);
        }
    }

    [Fact]
    public async Task A_stakeholder_added_through_the_form_keeps_its_contacts_for_the_author()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var marker = Guid.NewGuid().ToString("N")[..8];
        using var response = await author.SubmitAsync("/stakeholders/new", new Dictionary<string, string>
        {
            ["Form.Kind"] = "Person", ["Form.NameLatin"] = "Form " + marker, ["Form.Confidentiality"] = "Restricted", ["Form.Phone"] = "+855 16 " + marker,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.SeeOther, response.StatusCode.ToString());
        var found = (await SearchAsync(author, $"q=form {marker}")).GetProperty("items");
        var id = Assert.Single(found.EnumerateArray()).GetProperty("id").GetGuid();
        var page = await author.GetStringAsync($"/stakeholders/{id}");
        Assert.Contains("16 " + marker, page);
    }
}

public sealed class SqliteGraphAndPagesTests(SqliteApp app) : GraphAndPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGraphAndPagesTests(PostgresApp app) : GraphAndPagesTests(app), IClassFixture<PostgresApp>;
