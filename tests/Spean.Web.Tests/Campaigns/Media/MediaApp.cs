using Microsoft.AspNetCore.Hosting;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Campaigns.Media;

/// <summary>The app with feeds on 127.0.0.1 allowed (the test's feed server lives there) and no polling timer.</summary>
public abstract class MediaApp : SpeanApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:Campaigns:Media:AllowPrivateAddresses", "true");
        builder.UseSetting("Spean:Campaigns:Media:PollMinutes", "0");
    }
}

public sealed class SqliteMediaApp : MediaApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresMediaApp : MediaApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
