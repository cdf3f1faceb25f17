using Microsoft.Data.Sqlite;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>What a killed process leaves behind, laid out exactly, and the next start that must cope with it.</summary>
[Collection(nameof(CommandTests))]
public sealed class LeftoverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-leftover-").FullName;

    [Fact]
    public async Task A_start_after_a_process_was_killed_while_migrating_does_not_wait_for_its_lock()
    {
        Assert.Equal(0, (await ChildProgram.RunAsync(ChildProgram.Cli, ["migrate", "--no-reference-data", "--data-dir", folder])).Code);
        // What EF Core's SQLite migration lock looks like when its holder is killed before it lets go.
        using (var connection = new SqliteConnection($"Data Source={CrashChecks.Database(folder)};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-06 06:05:08+00:00')";
            command.ExecuteNonQuery();
        }

        var (code, output) = await ChildProgram.RunAsync(ChildProgram.Cli, ["keys", "list", "--data-dir", folder], timeout: TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"exit {code}: {output}");
        Assert.Equal(0, CrashChecks.Scalar(folder, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
