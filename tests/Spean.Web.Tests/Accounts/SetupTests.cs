using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Accounts;

/// <summary>Each test starts a new installation: no account yet.</summary>
public abstract class SetupTests
{
    protected abstract SpeanApp NewApp();

    [Fact]
    public async Task Setup_needs_the_one_time_code_the_app_printed_at_start()
    {
        await using var app = NewApp();
        var code = app.Services.GetRequiredService<SetupCode>().Current;
        Assert.NotNull(code);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains(code, StringComparison.Ordinal));

        using var missing = await SetupAsync(app.AnonymousClient(), "", "first@example.org");
        using var wrong = await SetupAsync(app.AnonymousClient(), "AAAAA-AAAAA-AAAAA-AAAAA", "second@example.org");
        var before = await AdministratorsAsync(app);
        using var right = await SetupAsync(app.AnonymousClient(), code.ToLowerInvariant(), "third@example.org");
        using var again = await app.AnonymousClient().SubmitAsync("/setup", Fields(code, "fourth@example.org"), formSource: "/account/login", formName: "setup");

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("That setup code is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.Empty(before);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["third@example.org"], await AdministratorsAsync(app));
        Assert.Null(app.Services.GetRequiredService<SetupCode>().Current);
    }

    [Fact]
    public async Task Two_setups_at_once_with_the_right_code_make_exactly_one_administrator()
    {
        await using var app = NewApp();
        var code = app.Services.GetRequiredService<SetupCode>().Current!;
        var clients = Enumerable.Range(0, 2).Select(_ => app.AnonymousClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(c => Forms.PrepareAsync(c, "/setup")));

        var responses = await Task.WhenAll(clients.Select((c, i) => forms[i].PostAsync(c, Fields(code, $"racer{i}@example.org", $"Organisation {i}"))));

        Assert.Single(await AdministratorsAsync(app));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var response in responses) response.Dispose();
    }

    private static Task<HttpResponseMessage> SetupAsync(HttpClient client, string code, string email) =>
        client.SubmitAsync("/setup", Fields(code, email));

    private static Dictionary<string, string> Fields(string code, string email, string organisation = "Network secretariat") => new()
    {
        ["Input.Code"] = code, ["Input.Organisation"] = organisation, ["Input.DisplayName"] = "First administrator",
        ["Input.Email"] = email, ["Input.Password"] = "a long enough password", ["Input.Confirm"] = "a long enough password",
    };

    private static Task<List<string>> AdministratorsAsync(SpeanApp app) => app.WithScopeAsync(s =>
        s.GetRequiredService<SpeanDbContext>().Users.Where(u => u.Role == Role.NetworkAdministrator).Select(u => u.Email!).ToListAsync());
}

public sealed class SqliteSetupTests : SetupTests
{
    protected override SpeanApp NewApp() => new SqliteApp();
}

public sealed class PostgresSetupTests : SetupTests
{
    protected override SpeanApp NewApp() => new PostgresApp();
}
