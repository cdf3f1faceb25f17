namespace Spean.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where Spean keeps its data. Bound from the "Spean" configuration section.</summary>
public sealed class SpeanOptions
{
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Holds the SQLite database and, later, the evidence store; the web app and the CLI share it.</summary>
    public string DataDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "spean");

    /// <summary>Overrides the default SQLite file; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool LoadReferenceDataOnStart { get; set; } = true;

    /// <summary>Imports the shipped UPR recommendations on the first start (about twenty seconds).</summary>
    public bool LoadRecommendationsOnStart { get; set; } = true;

    /// <summary>Trains the action-category and issue models in the background at start (several seconds of one core).</summary>
    public bool TrainClassifierOnStart { get; set; } = true;

    public string SqliteConnectionString =>
        ConnectionString ?? $"Data Source={Path.Combine(DataDirectory, "spean.db")}";
}
