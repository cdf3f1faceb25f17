using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Cli.Tests;

/// <summary>`spean users`, for the operator who cuts off an account from the server, on a real SQLite database.</summary>
[Collection(nameof(CommandTests))]
public sealed class UserCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-cli-").FullName;

    [Fact]
    public async Task Create_admin_makes_a_network_administrator_and_users_list_shows_every_account()
    {
        await CreateAdminAsync("first@example.org", "Network");
        await WithServicesAsync(services => services.GetRequiredService<UserAccounts>()
            .CreateUserAsync(new NewUser("monitor@example.org", "Monitor", Role.Member, null, "a long enough password")));

        var list = await RunAsync("users", "list");

        Assert.Equal(0, list.Code);
        Assert.Contains("first@example.org\tNetworkAdministrator\tNetwork\tactive", list.Output);
        Assert.Contains("monitor@example.org\tMember\t-\tactive", list.Output);
    }

    [Fact]
    public async Task Disable_refuses_sign_in_revokes_tokens_and_is_audited_and_enable_undoes_it()
    {
        await CreateAdminAsync("first@example.org");
        var monitor = await SeedMonitorWithTokenAsync();

        var disable = await RunAsync("users", "disable", "monitor@example.org");
        var listed = await RunAsync("users", "list");
        var state = await StateAsync(monitor);
        var enable = await RunAsync("users", "enable", "monitor@example.org");

        Assert.True(disable.Code == 0, disable.Error);
        Assert.Contains("monitor@example.org disabled; its tokens are revoked.", disable.Output);
        Assert.Contains("monitor@example.org\tMember\t-\tdisabled", listed.Output);
        Assert.Equal((true, true, true), state);
        Assert.Equal(0, enable.Code);
        Assert.False((await StateAsync(monitor)).Disabled);
    }

    [Fact]
    public async Task Role_changes_a_role_and_refuses_an_unknown_role_or_email()
    {
        await CreateAdminAsync("first@example.org");
        await SeedMonitorWithTokenAsync();

        var promote = await RunAsync("users", "role", "monitor@example.org", "coordinator");
        var unknownRole = await RunAsync("users", "role", "monitor@example.org", "Owner");
        var unknownEmail = await RunAsync("users", "disable", "nobody@example.org");

        Assert.Equal(0, promote.Code);
        Assert.Contains("monitor@example.org\tCoordinator", (await RunAsync("users", "list")).Output);
        Assert.Equal(2, unknownRole.Code);
        Assert.Contains("'Owner' is not a role", unknownRole.Error);
        Assert.Equal(1, unknownEmail.Code);
        Assert.Contains("no account has the email nobody@example.org", unknownEmail.Error);
    }

    [Fact]
    public async Task The_last_network_administrator_cannot_be_disabled_or_demoted()
    {
        await CreateAdminAsync("first@example.org");

        var disable = await RunAsync("users", "disable", "first@example.org");
        var demote = await RunAsync("users", "role", "first@example.org", "Administrator");
        await CreateAdminAsync("second@example.org");
        var disableOne = await RunAsync("users", "disable", "first@example.org");

        Assert.Equal(1, disable.Code);
        Assert.Contains("last active network administrator", disable.Error);
        Assert.Equal(1, demote.Code);
        Assert.Equal(0, disableOne.Code);
    }

    private async Task CreateAdminAsync(string email, string? organisation = null)
    {
        string[] args = ["create-admin", "--data-dir", folder, "--email", email, "--name", "Admin", "--password-stdin"];
        var result = await CommandTests.RunCapturedAsync("a long enough password\n", organisation is null ? args : [.. args, "--organisation", organisation]);
        Assert.True(result.Code == 0, result.Error);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) =>
        CommandTests.RunCapturedAsync("", [.. args, "--data-dir", folder]);

    private async Task<Guid> SeedMonitorWithTokenAsync()
    {
        var id = Guid.Empty;
        await WithServicesAsync(async services =>
        {
            var user = (await services.GetRequiredService<UserAccounts>()
                .CreateUserAsync(new NewUser("monitor@example.org", "Monitor", Role.Member, null, "a long enough password"))).User!;
            var db = services.GetRequiredService<SpeanDbContext>();
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                UserId = user.Id, Name = "phone", TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), CreatedAt = DateTime.UtcNow,
                ExpiresAt = DateTime.UtcNow.AddDays(30), Scope = TokenScope.ReadWrite,
            });
            await db.SaveChangesAsync();
            id = user.Id;
        });
        return id;
    }

    private async Task<(bool Disabled, bool TokensRevoked, bool Audited)> StateAsync(Guid userId)
    {
        var state = (false, false, false);
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            state = (await db.Users.AnyAsync(u => u.Id == userId && u.DisabledAt != null),
                await db.PersonalAccessTokens.Where(t => t.UserId == userId).AllAsync(t => t.RevokedAt != null),
                await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Disabled && e.Detail!.Contains("monitor@example.org")));
        });
        return state;
    }

    private async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Spean:DataDirectory"] = folder }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSpeanCore(configuration).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
