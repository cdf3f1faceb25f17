using System.Net;
using System.Net.Http.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;
using static Spean.Web.Tests.Accounts.Administrators;

namespace Spean.Web.Tests.Accounts;

/// <summary>Account actions for every kind of person and across organisations: who lists, creates, changes and cuts off whom.</summary>
public abstract class AdministrationAccessTests(SpeanApp app)
{
    [Fact]
    public async Task An_organisation_administrator_lists_and_manages_only_its_own_organisation()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var b = await ReportsWorld.OrganisationAsync(app, "B");
        var (_, adminA) = await PersonAsync(app, Role.Administrator, a);
        var memberA = await app.CreateUserAsync(Role.Member, organisationId: a);
        var memberB = await app.CreateUserAsync(Role.Member, organisationId: b);

        var listed = (await adminA.GetJsonAsync("/api/v1/admin/users")).EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
        var organisations = (await adminA.GetJsonAsync("/api/v1/admin/organisations")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        using var disableOther = await adminA.PostAsync($"/api/v1/admin/users/{memberB.Id}/disable", null);
        using var roleOther = await adminA.PutAsJsonAsync($"/api/v1/admin/users/{memberB.Id}/role", new { role = "Viewer" });
        using var revokeOther = await adminA.PostAsync($"/api/v1/admin/users/{memberB.Id}/revoke-tokens", null);
        using var createInOther = await adminA.PostAsJsonAsync("/api/v1/admin/users",
            new { email = $"x-{Guid.NewGuid():N}@example.org", displayName = "X", role = "Member", organisationId = b });
        using var createOwn = await adminA.PostAsJsonAsync("/api/v1/admin/users",
            new { email = $"y-{Guid.NewGuid():N}@example.org", displayName = "Y", role = "Member" });
        using var disableOwn = await adminA.PostAsync($"/api/v1/admin/users/{memberA.Id}/disable", null);

        Assert.Contains(memberA.Id, listed);
        Assert.DoesNotContain(memberB.Id, listed);
        Assert.Equal([a], organisations);
        await ReportsWorld.ProblemAsync(disableOther, HttpStatusCode.NotFound);
        await ReportsWorld.ProblemAsync(roleOther, HttpStatusCode.NotFound);
        await ReportsWorld.ProblemAsync(revokeOther, HttpStatusCode.NotFound);
        await ReportsWorld.ProblemAsync(createInOther, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, createOwn.StatusCode);
        Assert.Equal(a, (await createOwn.ReadJsonAsync()).GetProperty("organisationId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, disableOwn.StatusCode);
    }

    [Fact]
    public async Task The_users_page_shows_an_organisation_administrator_its_own_accounts_and_disables_one()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var b = await ReportsWorld.OrganisationAsync(app, "B");
        var (_, adminA) = await PersonAsync(app, Role.Administrator, a);
        var memberA = await app.CreateUserAsync(Role.Member, organisationId: a);
        var memberB = await app.CreateUserAsync(Role.Member, organisationId: b);

        var page = await adminA.GetStringAsync("/admin/users");
        using var disabled = await adminA.SubmitAsync("/admin/users", new Dictionary<string, string>(), formName: $"disable-{memberA.Id}");
        using var other = await adminA.SubmitAsync("/admin/users", new Dictionary<string, string>(), formName: $"disable-{memberB.Id}");
        var listed = (await (await PersonAsync(app, Role.NetworkAdministrator, a)).Client.GetJsonAsync("/api/v1/admin/users")).EnumerateArray()
            .ToDictionary(u => u.GetProperty("id").GetGuid(), u => u.GetProperty("disabled").GetBoolean());

        Assert.Contains(memberA.Email!, page);
        Assert.DoesNotContain(memberB.Email!, page);
        Assert.DoesNotContain("value=\"NetworkAdministrator\"", page);
        Assert.Contains("Organisation administrator", page);
        Assert.Contains(memberA.Email!, await disabled.Content.ReadAsStringAsync());
        Assert.True(listed[memberA.Id]);
        Assert.False(listed[memberB.Id]);
        Assert.NotEqual(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_create_a_token_on_the_tokens_page_either()
    {
        var (user, client) = await PersonAsync(app, Role.Member, null);

        using var response = await client.SubmitAsync("/account/tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "child", ["Input.Days"] = "30", ["Input.Scope"] = "ReadWrite",
        });
        var tokens = await client.GetJsonAsync("/api/v1/me/tokens");

        Assert.Contains("never with another token", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, tokens.GetArrayLength());
        Assert.NotEqual(Guid.Empty, user.Id);
    }

    [Fact]
    public async Task An_organisation_administrator_cannot_grant_network_administrator_create_organisations_or_touch_a_network_administrator()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (_, adminA) = await PersonAsync(app, Role.Administrator, a);
        var member = await app.CreateUserAsync(Role.Member, organisationId: a);
        var (network, _) = await PersonAsync(app, Role.NetworkAdministrator, a);

        using var promote = await adminA.PutAsJsonAsync($"/api/v1/admin/users/{member.Id}/role", new { role = "NetworkAdministrator" });
        using var create = await adminA.PostAsJsonAsync("/api/v1/admin/users",
            new { email = $"z-{Guid.NewGuid():N}@example.org", displayName = "Z", role = "NetworkAdministrator", organisationId = a });
        using var organisation = await adminA.PostAsJsonAsync("/api/v1/admin/organisations", new { name = $"New {Guid.NewGuid():N}" });
        using var disableNetwork = await adminA.PostAsync($"/api/v1/admin/users/{network.Id}/disable", null);
        using var settings = await adminA.GetAsync("/admin/settings");

        Assert.Contains("network administrator", (await ReportsWorld.ProblemAsync(promote, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await ReportsWorld.ProblemAsync(create, HttpStatusCode.Forbidden);
        await ReportsWorld.ProblemAsync(organisation, HttpStatusCode.Forbidden);
        await ReportsWorld.ProblemAsync(disableNetwork, HttpStatusCode.NotFound);
        Assert.NotEqual(HttpStatusCode.OK, settings.StatusCode);
    }

    [Fact]
    public async Task A_network_administrator_manages_every_organisation_and_creates_organisations()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var b = await ReportsWorld.OrganisationAsync(app, "B");
        var (_, network) = await PersonAsync(app, Role.NetworkAdministrator, a);
        var memberB = await app.CreateUserAsync(Role.Member, organisationId: b);

        var listed = (await network.GetJsonAsync("/api/v1/admin/users")).EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
        using var organisation = await network.PostAsJsonAsync("/api/v1/admin/organisations", new { name = $"New {Guid.NewGuid():N}" });
        using var role = await network.PutAsJsonAsync($"/api/v1/admin/users/{memberB.Id}/role", new { role = "Coordinator" });

        Assert.Contains(memberB.Id, listed);
        Assert.Equal(HttpStatusCode.Created, organisation.StatusCode);
        Assert.Equal("Coordinator", (await role.ReadJsonAsync()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_network_administrator_without_two_factor_is_stopped_whatever_the_network_setting()
    {
        var user = await app.CreateUserAsync(Role.NetworkAdministrator);
        var client = await app.ClientForAsync(user);

        using var response = await client.GetAsync("/api/v1/admin/users");

        Assert.Contains("two-factor", (await ReportsWorld.ProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task No_administrator_disables_themselves_or_the_last_network_administrator()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (self, network) = await PersonAsync(app, Role.NetworkAdministrator, a);
        var (adminA, adminAClient) = await PersonAsync(app, Role.Administrator, a);

        using var disableSelf = await network.PostAsync($"/api/v1/admin/users/{self.Id}/disable", null);
        using var demoteSelf = await network.PutAsJsonAsync($"/api/v1/admin/users/{self.Id}/role", new { role = "Viewer" });
        using var orgAdminSelf = await adminAClient.PostAsync($"/api/v1/admin/users/{adminA.Id}/disable", null);

        Assert.Contains("your own account", (await ReportsWorld.ProblemAsync(disableSelf, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await ReportsWorld.ProblemAsync(demoteSelf, HttpStatusCode.Conflict);
        await ReportsWorld.ProblemAsync(orgAdminSelf, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Member)]
    [InlineData(Role.Coordinator)]
    public async Task People_who_are_not_administrators_take_no_account_action(Role? role)
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var target = await app.CreateUserAsync(Role.Member, organisationId: a);
        var client = role is { } r ? (await PersonAsync(app, r, a)).Client : app.AnonymousClient();
        var status = role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;

        using var list = await client.GetAsync("/api/v1/admin/users");
        using var disable = await client.PostAsync($"/api/v1/admin/users/{target.Id}/disable", null);
        using var enable = await client.PostAsync($"/api/v1/admin/users/{target.Id}/enable", null);
        using var changeRole = await client.PutAsJsonAsync($"/api/v1/admin/users/{target.Id}/role", new { role = "Administrator" });
        using var revoke = await client.PostAsync($"/api/v1/admin/users/{target.Id}/revoke-tokens", null);
        using var audit = await client.GetAsync("/api/v1/audit");
        using var export = await client.GetAsync("/api/v1/audit/export.csv");

        foreach (var response in new[] { list, disable, enable, changeRole, revoke, audit, export })
            await ReportsWorld.ProblemAsync(response, status);
    }

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.NetworkAdministrator)]
    public async Task Administrators_read_no_Restricted_report_they_are_not_named_on(Role role)
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (reader, _) = await PersonAsync(app, Role.Coordinator, a);
        var (_, admin) = await PersonAsync(app, role, a);
        var id = await ReportsWorld.FileAsync(author, ReportsWorld.Input("Restricted " + Guid.NewGuid(), "Restricted", readers: [reader.Id]));
        await ReportsWorld.MoveOkAsync(author, id, "Submitted");

        using var report = await admin.GetAsync($"/api/v1/reports/{id}");
        using var disableReader = await admin.PostAsync($"/api/v1/admin/users/{reader.Id}/disable", null);
        using var afterwards = await admin.GetAsync($"/api/v1/reports/{id}");

        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disableReader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }
}

public sealed class SqliteAdministrationAccessTests(SqliteApp app) : AdministrationAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdministrationAccessTests(PostgresApp app) : AdministrationAccessTests(app), IClassFixture<PostgresApp>;
