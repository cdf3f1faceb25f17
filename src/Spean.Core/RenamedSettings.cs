using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core;

/// <summary>
/// Binds a module's own settings section ("Spean:Evidence") and still reads the keys the settings had before they moved
/// ("Spean:EvidenceMaxBytes"), so no deployment breaks; each old key in use leaves a warning naming its new key, which
/// the web app and the CLI log at start.
/// </summary>
public sealed class RenamedSettings
{
    private readonly List<string> warnings = [];

    public IReadOnlyList<string> Warnings => warnings;

    /// <param name="renamed">Each old key (full path) and the property of <typeparamref name="T"/> it now sets.</param>
    public T Bind<T>(IConfiguration configuration, string section, params (string OldKey, string Property)[] renamed) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var fromOldKeys = new Dictionary<string, string?>();
        foreach (var (oldKey, property) in renamed)
        {
            if (configuration[oldKey] is not { } value) continue;
            var newKey = $"{section}:{property}";
            if (configuration[newKey] is null)
            {
                fromOldKeys[property] = value;
                warnings.Add($"The setting {oldKey} has moved to {newKey}. It is still read for now; rename it (environment variable {EnvironmentName(newKey)}).");
            }
            else
                warnings.Add($"The setting {oldKey} is ignored because {newKey} is set. Remove {oldKey}.");
        }
        if (fromOldKeys.Count > 0)
            new ConfigurationBuilder().AddInMemoryCollection(fromOldKeys).Build().Bind(options);
        return options;
    }

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}

public static class RenamedSettingsRegistration
{
    /// <summary>The one list of renamed-setting warnings every module's registration adds to.</summary>
    public static RenamedSettings RenamedSettings(this IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(RenamedSettings))?.ImplementationInstance is RenamedSettings existing)
            return existing;
        var created = new RenamedSettings();
        services.AddSingleton(created);
        return created;
    }
}
