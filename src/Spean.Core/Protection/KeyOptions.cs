using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;

namespace Spean.Core.Protection;

/// <summary>Where the key ring lives ("Spean:Keys:Directory", formerly "Spean:KeyDirectory").</summary>
public sealed class KeyOptions
{
    public const string Section = "Spean:Keys";

    /// <summary>The key ring that protects identities and evidence; keep it off the database server and back it up apart from the database. By default "keys" in the data directory.</summary>
    public string? Directory { get; set; }

    public string DirectoryPath => Directory ?? throw new InvalidOperationException("The key directory is resolved at registration.");
}

public static class ProtectionRegistration
{
    /// <summary>The key ring and the field cipher, which Accounts, Monitoring and backups share.</summary>
    public static IServiceCollection AddProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.KeyOptions(configuration);
        services.AddSingleton(provider => new KeyRing(keys.DirectoryPath, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<FieldCipher>();
        return services;
    }

    /// <summary>The key options, bound once however many registrations ask (the web app's data protection keys live beside the ring).</summary>
    public static KeyOptions KeyOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(KeyOptions))?.ImplementationInstance is KeyOptions existing)
            return existing;
        var keys = services.RenamedSettings().Bind<KeyOptions>(configuration, Protection.KeyOptions.Section, ("Spean:KeyDirectory", nameof(Protection.KeyOptions.Directory)));
        keys.Directory ??= Path.Combine(SpeanOptions.From(configuration).DataDirectory, "keys");
        services.AddSingleton(keys);
        return keys;
    }
}
