using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spean.Core.Data;
using Spean.Testing;
namespace Spean.Cli.Tests.CrashSafety;

/// <summary>What the crash runs look at after a kill: the SQLite file, the evidence folder, and `spean evidence verify`.</summary>
internal static class CrashChecks
{
    private static readonly byte[] EvidenceMagic = "SPEANEV1"u8.ToArray();

    /// <summary>SPEAN_CRASH_CLI and SPEAN_CRASH_WEB name other builds (a long run on copies, while the tree is rebuilt).</summary>
    public static string Cli => Environment.GetEnvironmentVariable("SPEAN_CRASH_CLI") ?? BesideOrBuilt("spean.dll", "Spean.Cli");

    public static string Web => Environment.GetEnvironmentVariable("SPEAN_CRASH_WEB") ?? ChildProgram.WebApp;

    public static string Database(string dataDirectory) => Path.Combine(dataDirectory, "spean.db");

    /// <summary>Null when SQLite's own check answers "ok"; otherwise what it found (or why the file would not open).</summary>
    public static string? Integrity(string dataDirectory)
    {
        try
        {
            using var connection = Open(dataDirectory);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var lines = new List<string>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) lines.Add(reader.GetString(0));
            return lines is ["ok"] ? null : "integrity_check: " + string.Join("; ", lines.Take(5));
        }
        catch (SqliteException e)
        {
            return "the database does not open: " + e.Message;
        }
    }

    public static long Scalar(string dataDirectory, string sql)
    {
        using var connection = Open(dataDirectory);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<string> Strings(string dataDirectory, string sql)
    {
        using var connection = Open(dataDirectory);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Rows in every table of the app (not SQLite's or EF's own).</summary>
    public static Dictionary<string, long> RowCounts(string dataDirectory)
    {
        var tables = Strings(dataDirectory,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name");
        return tables.ToDictionary(t => t, t => Scalar(dataDirectory, $"SELECT COUNT(*) FROM \"{t}\""));
    }

    /// <summary>
    /// Every file in the evidence folder is a kept file some row names, starts as Spean's encrypted files do and holds
    /// none of <paramref name="plaintexts"/>; every row's file is there.
    /// </summary>
    public static void Evidence(string dataDirectory, List<string> failures, params byte[][] plaintexts)
    {
        var folder = Path.Combine(dataDirectory, "evidence");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToHashSet() : [];
        var rows = Strings(dataDirectory, "SELECT \"StoredName\" FROM \"EvidenceFiles\"").ToHashSet();
        foreach (var name in files.Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, name));
            if (!bytes.AsSpan().StartsWith(EvidenceMagic)) failures.Add($"evidence folder: {name} is not an encrypted evidence file");
            if (plaintexts.Any(p => bytes.AsSpan().IndexOf(p) >= 0)) failures.Add($"evidence folder: {name} holds an original in clear");
            if (!rows.Contains(name)) failures.Add($"evidence folder: {name} is named by no evidence row (left behind)");
        }
        foreach (var name in rows.Where(r => !files.Contains(r)).Order(StringComparer.Ordinal))
            failures.Add($"evidence row names {name}, which is not in the evidence folder");
    }

    /// <summary>`spean evidence verify`, as an operator runs it after a crash: every file hashed again, every custody chain walked.</summary>
    public static async Task VerifyAsync(string dataDirectory, List<string> failures)
    {
        var (code, output) = await ChildProgram.RunAsync(Cli, ["evidence", "verify", "--data-dir", dataDirectory]);
        if (code != 0) failures.Add($"spean evidence verify {Ended(code)}: {Last(output)}");
    }

    public static async Task RunCliAsync(List<string> failures, string what, params string[] arguments)
    {
        var (code, output) = await ChildProgram.RunAsync(Cli, arguments);
        if (code != 0) failures.Add($"{what} {Ended(code)}: {Last(output)}");
    }

    private static string Ended(int code) => code == -1 ? $"did not finish within {ChildProgram.Patience.TotalMinutes:0} minutes (killed)" : $"exited {code}";

    public static string Last(string output) => ChildProgram.Last(output, lines: 6);

    /// <summary>The CLI beside the tests (they reference it); in the benchmarks, its build in the repository.</summary>
    private static string BesideOrBuilt(string file, string project)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, file);
        return File.Exists(beside) ? beside : ChildProgram.Built(file, project);
    }

    /// <summary>The same services the CLI builds, in this process, for setting up and reading back.</summary>
    public static async Task WithServicesAsync(string dataDirectory, Func<IServiceProvider, Task> action, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Spean:DataDirectory"] = dataDirectory })
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        await using var provider = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSpeanCore(configuration).BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
            await action(scope.ServiceProvider);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A data folder (database, key ring, evidence) copied whole, as a fresh start for one kill.</summary>
    public static void CopyFolder(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    private static SqliteConnection Open(string dataDirectory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Database(dataDirectory), Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ConnectionString);
        connection.Open();
        return connection;
    }
}
