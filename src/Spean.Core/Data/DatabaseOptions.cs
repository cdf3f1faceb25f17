using Microsoft.Extensions.Configuration;

namespace Spean.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where Spean keeps its data. Bound from the "Spean" configuration section; each module's own settings are in its own
/// section ("Spean:Evidence", "Spean:Search", "Spean:Keys", "Spean:Classifier", "Spean:Mail").
/// </summary>
public sealed class SpeanOptions
{
    public const string Section = "Spean";

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Holds the SQLite database and, unless set elsewhere, the key ring and the evidence store; the web app and the CLI share it.</summary>
    public string DataDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "spean");

    /// <summary>Overrides the default SQLite file; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool LoadReferenceDataOnStart { get; set; } = true;

    /// <summary>Imports the shipped UPR recommendations on the first start (about twenty seconds).</summary>
    public bool LoadRecommendationsOnStart { get; set; } = true;

    public string SqliteConnectionString =>
        ConnectionString ?? $"Data Source={Path.Combine(DataDirectory, "spean.db")}";

    /// <summary>The "Spean" section, with the connection string from ConnectionStrings:Spean when the section has none.</summary>
    public static SpeanOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<SpeanOptions>() ?? new SpeanOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Spean");
        return options;
    }
}
