using Spean.Core.Accounts;
using Spean.Web.Tests.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Mail;

/// <summary>Without a working mail server the link is written to the server's log, and the page says so; it is never shown on the page.</summary>
public abstract class PasswordLinkFallbackTests(SpeanApp app)
{
    protected abstract string ExpectedNotice { get; }

    [Fact]
    public async Task The_link_goes_to_the_servers_log_at_warning_and_the_page_says_where()
    {
        var user = await app.CreateUserAsync(Role.Member, password: null);
        var (_, admin) = await Administrators.PersonAsync(app, Role.NetworkAdministrator, null);

        using var issued = await admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), formName: $"reset-{user.Id}");

        var page = await issued.Content.ReadAsStringAsync();
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, ExpectedNotice, user.Email), page.Replace("&#x27;", "'", StringComparison.Ordinal));
        Assert.DoesNotContain("reset-password?", page);
        var logged = Assert.Single(app.Logs.Lines, l => l.Contains("reset-password?email=" + Uri.EscapeDataString(user.Email!), StringComparison.Ordinal));
        Assert.StartsWith("Warning ", logged, StringComparison.Ordinal);
        Assert.Contains("token=", logged, StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteNoMailServerTests(SqliteApp app) : PasswordLinkFallbackTests(app)
{
    protected override string ExpectedNotice => "No e-mail server is set up, so the link for {0} was written to the server's console log, not shown here.";
}

[Collection(nameof(PostgresApp))]
public sealed class PostgresNoMailServerTests(PostgresApp app) : PasswordLinkFallbackTests(app)
{
    protected override string ExpectedNotice => "No e-mail server is set up, so the link for {0} was written to the server's console log, not shown here.";
}

public sealed class UnreachableMailServerTests(UnreachableMailApp app) : PasswordLinkFallbackTests(app), IClassFixture<UnreachableMailApp>
{
    protected override string ExpectedNotice => "The e-mail to {0} could not be sent, so the link was written to the server's console log instead, not shown here.";
}
