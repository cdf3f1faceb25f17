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

    /// <summary>Holds the SQLite database and, unless set elsewhere, the key ring and the evidence store; the web app and the CLI share it.</summary>
    public string DataDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "spean");

    /// <summary>Overrides the default SQLite file; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool LoadReferenceDataOnStart { get; set; } = true;

    /// <summary>Imports the shipped UPR recommendations on the first start (about twenty seconds).</summary>
    public bool LoadRecommendationsOnStart { get; set; } = true;

    /// <summary>How long the search index trusts itself before checking the database for changes made outside the app.</summary>
    public double SearchFreshnessSeconds { get; set; } = 5;
    /// <summary>The key ring that protects identities and evidence; keep it off the database server and back it up apart from the database.</summary>
    public string? KeyDirectory { get; set; }

    public string? EvidenceDirectory { get; set; }

    /// <summary>The largest evidence file accepted, in bytes (300 MB: a few minutes of phone video).</summary>
    public long EvidenceMaxBytes { get; set; } = 300_000_000;

    public string KeyDirectoryPath => KeyDirectory ?? Path.Combine(DataDirectory, "keys");

    public string EvidenceDirectoryPath => EvidenceDirectory ?? Path.Combine(DataDirectory, "evidence");

    /// <summary>Trains the action-category and issue models in the background at start (several seconds of one core).</summary>
    public bool TrainClassifierOnStart { get; set; } = true;

    public string SqliteConnectionString =>
        ConnectionString ?? $"Data Source={Path.Combine(DataDirectory, "spean.db")}";
}
