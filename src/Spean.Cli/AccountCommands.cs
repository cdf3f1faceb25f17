using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Cli;

internal static class AccountCommands
{
    public static Command CreateAdmin()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email, used to sign in.", Required = true };
        var name = new Option<string>("--name") { Description = "The name shown to others.", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The member organisation the administrator belongs to." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of asking." };
        var command = new Command("create-admin", "Creates a network administrator, who must set up two-factor sign-in. The password is typed or piped, never given on the command line.")
        {
            email, name, organisation, passwordStdin,
        };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var password = parse.GetValue(passwordStdin)
                ? (await Console.In.ReadLineAsync() ?? "").TrimEnd('\r', '\n')
                : AnsiConsole.Prompt(new TextPrompt<string>("Password (at least 10 characters):").Secret());
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true);
            var result = await services.GetRequiredService<UserAccounts>()
                .CreateAdministratorAsync(parse.GetValue(email)!, parse.GetValue(name)!, password, parse.GetValue(organisation));
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await Console.Error.WriteLineAsync($"spean: {error}");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.CurrentCulture, $"[green]Network administrator {result.User!.Email} created; two-factor sign-in is set up at the first sign-in.[/]");
            return 0;
        }));
        return command;
    }
}
