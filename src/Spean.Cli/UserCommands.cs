using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core;
using Spean.Core.Accounts;

namespace Spean.Cli;

/// <summary>`spean users list|disable|enable|role`: cutting off an account from the server when the web app is out of reach.</summary>
internal static class UserCommands
{
    public static Command Users()
    {
        var command = new Command("users", "Lists accounts, disables and re-enables them, changes roles. Acts as a network administrator.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Disable());
        command.Subcommands.Add(Enable());
        command.Subcommands.Add(ChangeRole());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Lists every account: email, role, organisation, and whether it is disabled.");
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var users = await services.GetRequiredService<UserAdministration>().Managed(AccountAdministrator.Operator).AsNoTracking()
                .OrderBy(u => u.Email).Select(u => new { u.Email, u.Role, Organisation = u.Organisation!.Name, u.DisabledAt }).ToListAsync();
            foreach (var u in users)
                await Console.Out.WriteLineAsync($"{u.Email}\t{u.Role}\t{u.Organisation ?? "-"}\t{(u.DisabledAt is null ? "active" : "disabled")}");
            return 0;
        }));
        return command;
    }

    private static Command Disable()
    {
        var email = EmailArgument();
        var command = new Command("disable", "Disables an account: sign-in refused, every token revoked, browsers signed out within a minute.") { email };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, services => ActAsync(services, parse.GetValue(email)!,
            (admin, id) => admin.DisableAsync(AccountAdministrator.Operator, id), "disabled; its tokens are revoked")));
        return command;
    }

    private static Command Enable()
    {
        var email = EmailArgument();
        var command = new Command("enable", "Re-enables a disabled account.") { email };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, services => ActAsync(services, parse.GetValue(email)!,
            (admin, id) => admin.EnableAsync(AccountAdministrator.Operator, id), "can sign in again")));
        return command;
    }

    private static Command ChangeRole()
    {
        var email = EmailArgument();
        var role = new Argument<string>("role") { Description = "NetworkAdministrator, Administrator (of its organisation), Coordinator, Member or Viewer." };
        var command = new Command("role", "Changes an account's role.") { email, role };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            if (!EnumNames.TryParse<Role>(parse.GetValue(role), out var newRole))
            {
                await Console.Error.WriteLineAsync($"spean: '{parse.GetValue(role)}' is not a role. Use one of: {string.Join(", ", Enum.GetNames<Role>())}.");
                return 2;
            }
            return await ActAsync(services, parse.GetValue(email)!, (admin, id) => admin.ChangeRoleAsync(AccountAdministrator.Operator, id, newRole),
                $"is now {newRole}");
        }));
        return command;
    }

    private static Argument<string> EmailArgument() => new("email") { Description = "The account's email." };

    private static async Task<int> ActAsync(
        IServiceProvider services, string email, Func<UserAdministration, Guid, Task<AdministrationResult>> action, string done)
    {
        var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SpeanUser>>().FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"spean: no account has the email {email}. 'spean users list' shows them all.");
            return 1;
        }
        var result = await action(services.GetRequiredService<UserAdministration>(), user.Id);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"spean: {result.Detail}");
            return 1;
        }
        await Console.Out.WriteLineAsync($"{user.Email} {done}.");
        return 0;
    }
}
