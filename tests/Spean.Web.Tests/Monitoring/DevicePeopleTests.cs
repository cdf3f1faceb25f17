using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The offline form names a witness with an id made on the phone, so sending again never names them twice.</summary>
public abstract class DevicePeopleTests(SpeanApp app)
{
    [Fact]
    public async Task A_person_sent_again_with_the_same_client_id_is_named_once()
    {
        var (_, author) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Monitors"));
        var reportId = await FileAsync(author, Input("Pit by the stream"));
        var person = new { role = "Witness", name = "ស្រី សុភា", clientId = Guid.NewGuid() };

        using var first = await author.PostAsJsonAsync($"/api/v1/reports/{reportId}/people", person);
        using var again = await author.PostAsJsonAsync($"/api/v1/reports/{reportId}/people", person);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetGuid(), (await again.ReadJsonAsync()).GetProperty("id").GetGuid());
        var people = (await author.GetJsonAsync($"/api/v1/reports/{reportId}")).GetProperty("people");
        Assert.Equal("ស្រី សុភា", Assert.Single(people.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_person_sent_twice_at_once_is_named_once()
    {
        var (_, author) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Monitors"));
        var reportId = await FileAsync(author, Input("Double tap"));
        var person = new { role = "Victim", name = "Dara", clientId = Guid.NewGuid() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => author.PostAsJsonAsync($"/api/v1/reports/{reportId}/people", person)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().ReportPeople.CountAsync(p => p.ReportId == reportId)));
    }

    [Fact]
    public async Task A_client_id_already_naming_a_person_of_another_report_is_refused()
    {
        var (_, author) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Monitors"));
        var first = await FileAsync(author, Input("First"));
        var second = await FileAsync(author, Input("Second"));
        var clientId = Guid.NewGuid();
        using var named = await author.PostAsJsonAsync($"/api/v1/reports/{first}/people", new { role = "Source", name = "Vanna", clientId });

        var refused = await ProblemAsync(
            await author.PostAsJsonAsync($"/api/v1/reports/{second}/people", new { role = "Source", name = "Vanna", clientId }), HttpStatusCode.Conflict);
        var zeros = await ProblemAsync(
            await author.PostAsJsonAsync($"/api/v1/reports/{second}/people", new { role = "Source", name = "Vanna", clientId = Guid.Empty }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal("This clientId names a person in another report; make a new id on the device.", refused.GetProperty("detail").GetString());
        Assert.Contains("cannot be all zeros", zeros.GetProperty("detail").GetString());
        Assert.Empty((await author.GetJsonAsync($"/api/v1/reports/{second}")).GetProperty("people").EnumerateArray());
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteDevicePeopleTests(SqliteApp app) : DevicePeopleTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresDevicePeopleTests(PostgresApp app) : DevicePeopleTests(app);
