using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Spean.Core.Data;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>The app sending its e-mail, with a user name and password, to a real SMTP server in the test process.</summary>
public abstract class MailApp : SpeanApp
{
    public TestMailServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:Mail:Host", "127.0.0.1");
        builder.UseSetting("Spean:Mail:Port", Mail.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Spean:Mail:Security", "None");
        builder.UseSetting("Spean:Mail:UserName", TestMailServer.UserName);
        builder.UseSetting("Spean:Mail:Password", TestMailServer.Password);
        builder.UseSetting("Spean:Mail:From", "spean@example.org");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
    }
}

public sealed class SqliteMailApp : MailApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresMailApp : MailApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The app configured for an SMTP server that does not answer: every e-mail fails.</summary>
public sealed class UnreachableMailApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:Mail:Host", "127.0.0.1");
        builder.UseSetting("Spean:Mail:Port", TestMailServer.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Spean:Mail:Security", "None");
        builder.UseSetting("Spean:Mail:From", "spean@example.org");
    }
}
