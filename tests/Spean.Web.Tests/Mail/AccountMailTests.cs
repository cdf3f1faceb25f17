using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Web.Tests.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Mail;

public abstract partial class AccountMailTests(MailApp app)
{
    [Fact]
    public async Task A_password_link_is_emailed_to_the_user_and_never_shown_to_the_administrator()
    {
        var user = await app.CreateUserAsync(Role.Member, password: null);
        var (_, admin) = await Administrators.PersonAsync(app, Role.NetworkAdministrator, null);

        using var issued = await admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), formName: $"reset-{user.Id}");

        var page = await issued.Content.ReadAsStringAsync();
        Assert.Contains($"A link to choose a password was e-mailed to {user.Email}", page);
        Assert.DoesNotContain("reset-password?", page);
        var message = await app.Mail.SingleToAsync(user.Email!, "Choose your password");
        var link = ResetLink().Match((message.TextBody ?? ""));
        Assert.True(link.Success, (message.TextBody ?? ""));
        Assert.DoesNotContain(QueryHelpers.ParseQuery(new Uri(link.Value).Query)["token"].ToString(), page);

        var query = QueryHelpers.ParseQuery(new Uri(link.Value).Query);
        var visitor = app.AnonymousClient();
        using var set = await visitor.SubmitAsync(new Uri(link.Value).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = query["email"]!, ["Input.Token"] = query["token"]!,
            ["Input.Password"] = "my very own password", ["Input.Confirm"] = "my very own password",
        });
        using var signIn = await visitor.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "my very own password" });

        Assert.Contains("Your password is set.", await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await app.Mail.SingleToAsync(user.Email!, "password was changed");
    }

    [Fact]
    public async Task A_new_user_gets_the_link_by_email_in_Khmer_and_English_when_their_language_is_unknown()
    {
        var (_, admin) = await Administrators.PersonAsync(app, Role.NetworkAdministrator, null);
        var email = $"new-{Guid.NewGuid():N}@example.org";

        using var created = await admin.SubmitAsync("/admin/users", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sokha Chan", ["Input.Email"] = email, ["Input.Role"] = "Member", ["Input.OrganisationId"] = "",
        }, formName: "add-user");

        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains($"A link to choose a password was e-mailed to {email}", page);
        Assert.DoesNotContain("reset-password?", page);
        var message = await app.Mail.SingleToAsync(email, "Choose your password");
        Assert.Contains("ជ្រើសរើសពាក្យសម្ងាត់របស់អ្នក", message.Subject);
        Assert.Contains("Hello Sokha Chan", (message.TextBody ?? ""));
        Assert.Contains("សួស្តី Sokha Chan", (message.TextBody ?? ""));
        Assert.Equal(2, ResetLink().Count(message.TextBody ?? ""));
    }

    [Fact]
    public async Task Changing_the_password_tells_the_user_by_email_in_the_language_they_chose()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "the old password");
        var client = await app.ClientForAsync(user);
        await client.GetAsync("/culture/km?returnUrl=%2F");

        using var changed = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.Current"] = "the old password", ["Input.Password"] = "the new password", ["Input.Confirm"] = "the new password",
        });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var message = await app.Mail.SingleToAsync(user.Email!, "ពាក្យសម្ងាត់");
        Assert.Contains("ត្រូវបានផ្លាស់ប្តូរ", (message.TextBody ?? ""));
        Assert.DoesNotContain("Hello", (message.TextBody ?? ""));
    }

    [Fact]
    public async Task Turning_on_two_factor_sign_in_tells_the_user_by_email()
    {
        var user = await app.CreateUserAsync(Role.Coordinator);
        var client = await app.ClientForAsync(user);
        await client.GetAsync("/account/two-factor");
        var key = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SpeanUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });

        using var enabled = await client.SubmitAsync("/account/two-factor",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key!, DateTimeOffset.UtcNow) });

        Assert.Contains("Two-factor sign-in is now on.", await enabled.Content.ReadAsStringAsync());
        var message = await app.Mail.SingleToAsync(user.Email!, "Two-factor sign-in is now on");
        Assert.Contains("If you did not do this", (message.TextBody ?? ""));
    }

    [Fact]
    public async Task A_role_change_tells_the_user_by_email_naming_the_new_role_in_both_languages()
    {
        var user = await app.CreateUserAsync(Role.Member);
        var (_, admin) = await Administrators.PersonAsync(app, Role.NetworkAdministrator, null);

        using var changed = await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/role", new { role = "Coordinator" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var message = await app.Mail.SingleToAsync(user.Email!, "Your role in");
        Assert.Contains("you are now Coordinator", (message.TextBody ?? ""));
        Assert.Contains("ឥឡូវនេះអ្នកជា អ្នកសម្របសម្រួល", (message.TextBody ?? ""));
    }

    [Fact]
    public async Task The_settings_page_shows_the_mail_server_but_never_its_password_and_sends_a_test()
    {
        var (admin, client) = await Administrators.PersonAsync(app, Role.NetworkAdministrator, null);

        var page = await client.GetStringAsync("/admin/settings");
        using var saved = await client.SubmitAsync("/admin/settings",
            new Dictionary<string, string> { ["Input.NetworkName"] = "Mekong Rights Network" }, formName: "settings");
        using var test = await client.SubmitAsync("/admin/settings", new Dictionary<string, string>(), formName: "test-mail");

        Assert.Contains("127.0.0.1", page);
        Assert.Contains(TestMailServer.UserName, page);
        Assert.Contains("set (never shown)", page);
        Assert.DoesNotContain(TestMailServer.Password, page);
        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
        Assert.Contains($"A test e-mail was sent to {admin.Email}", await test.Content.ReadAsStringAsync());
        await app.Mail.SingleToAsync(admin.Email!, "Test e-mail from Mekong Rights Network");
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(TestMailServer.Password, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

public sealed class SqliteAccountMailTests(SqliteMailApp app) : AccountMailTests(app), IClassFixture<SqliteMailApp>;

public sealed class PostgresAccountMailTests(PostgresMailApp app) : AccountMailTests(app), IClassFixture<PostgresMailApp>;
