using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spean.Core;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Cli;

/// <summary>Builds the same services the web app uses, from appsettings.json, SPEAN_-style environment variables and the global options.</summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> action)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(SpeanCommands.Provider) is { } provider) overrides["Spean:DatabaseProvider"] = provider;
        if (parse.GetValue(SpeanCommands.Connection) is { } connection) overrides["ConnectionStrings:Spean"] = connection;
        if (parse.GetValue(SpeanCommands.DataDirectory) is { } dataDirectory) overrides["Spean:DataDirectory"] = dataDirectory;
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddSpeanCore(builder.Configuration);
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Spean.Cli");
        foreach (var warning in host.Services.GetRequiredService<RenamedSettings>().Warnings)
            log.LogWarning("{Warning}", warning);
        await using var scope = host.Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
        actor.UserName = $"cli:{Environment.UserName}";
        try
        {
            return await action(scope.ServiceProvider);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or System.Security.Cryptography.CryptographicException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"spean: {e.Message}");
            return 1;
        }
    }
}
