using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Monitoring.Evidence;
using Spean.Testing;
using Spean.Testing.Monitoring;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>What a killed process leaves behind, laid out exactly, and the next start that must cope with it.</summary>
[Collection(nameof(CommandTests))]
public sealed class LeftoverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-leftover-").FullName;

    [Fact]
    public async Task A_start_after_a_process_was_killed_while_migrating_does_not_wait_for_its_lock()
    {
        Assert.Equal(0, (await ChildProgram.RunAsync(CrashChecks.Cli, ["migrate", "--no-reference-data", "--data-dir", folder])).Code);
        // What EF Core's SQLite migration lock looks like when its holder is killed before it lets go.
        using (var connection = new SqliteConnection($"Data Source={CrashChecks.Database(folder)};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-06 06:05:08+00:00')";
            command.ExecuteNonQuery();
        }

        var (code, output) = await ChildProgram.RunAsync(CrashChecks.Cli, ["keys", "list", "--data-dir", folder], timeout: TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"exit {code}: {output}");
        Assert.Equal(0, CrashChecks.Scalar(folder, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact]
    public async Task A_rotation_run_again_after_one_was_killed_while_rewriting_a_file_completes()
    {
        Assert.Equal(0, (await ChildProgram.RunAsync(CrashChecks.Cli, ["migrate", "--no-reference-data", "--data-dir", folder])).Code);
        var stored = await StoreAsync(RotationCrash.Recording(300_000, 1));
        // The new copy a killed rotation was writing beside the file, never renamed over it.
        await File.WriteAllBytesAsync(Path.Combine(folder, "evidence", stored + ".rekey"), "SPEANEV1 half written"u8.ToArray());

        var rotate = await ChildProgram.RunAsync(CrashChecks.Cli, ["keys", "rotate", "--data-dir", folder]);
        var verify = await ChildProgram.RunAsync(CrashChecks.Cli, ["evidence", "verify", "--data-dir", folder]);

        Assert.True(rotate.Code == 0, rotate.Output);
        Assert.Contains("1 evidence files re-encrypted", rotate.Output);
        Assert.Equal([stored], Directory.GetFiles(Path.Combine(folder, "evidence")).Select(Path.GetFileName));
        Assert.True(verify.Code == 0, verify.Output);
    }

    [Fact]
    public async Task What_interrupted_uploads_and_rotations_left_goes_once_old_enough_and_kept_files_stay()
    {
        Assert.Equal(0, (await ChildProgram.RunAsync(CrashChecks.Cli, ["migrate", "--no-reference-data", "--data-dir", folder])).Code);
        var kept = await StoreAsync(RotationCrash.Recording(10_000, 2));
        var committed = await StoreAsync(RotationCrash.Recording(10_000, 3));
        var evidence = Path.Combine(folder, "evidence");
        // An upload killed after its row committed, before its file took the kept name.
        File.Move(Path.Combine(evidence, committed), Path.Combine(evidence, committed + ".partial"));
        var old = DateTime.UtcNow.AddHours(-2);
        foreach (var name in new[] { "01a24a07ff6671a0b202f0b959978088.evidence.partial", "01a24a07ff6671a0b202f0b959978089.evidence",
            "01a24a07ff6671a0b202f0b959978090.evidence.rekey", "0a9c3e5f7b2d4c6e8f0a1b2c3d4e5f60.evidence.upload", "notes.txt" })
        {
            await File.WriteAllBytesAsync(Path.Combine(evidence, name), "SPEANEV1"u8.ToArray());
            File.SetLastWriteTimeUtc(Path.Combine(evidence, name), old);
        }
        File.SetLastWriteTimeUtc(Path.Combine(evidence, kept), old);
        await File.WriteAllBytesAsync(Path.Combine(evidence, "01a24a07ff6671a0b202f0b959978091.evidence.partial"), "SPEANEV1"u8.ToArray());
        // A photo cut off eight days ago and never continued.
        await File.WriteAllBytesAsync(Path.Combine(evidence, "1b8d2f4a6c0e3b5d7f9a1c3e5b7d9f01.evidence.upload"), "SPEANEV1"u8.ToArray());
        File.SetLastWriteTimeUtc(Path.Combine(evidence, "1b8d2f4a6c0e3b5d7f9a1c3e5b7d9f01.evidence.upload"), DateTime.UtcNow.AddDays(-8));

        LeftoverSweep? sweep = null;
        await CrashChecks.WithServicesAsync(folder, async services => sweep = await services.GetRequiredService<EvidenceLeftovers>().SweepAsync());

        Assert.Equal(new LeftoverSweep(Completed: 1, Removed: 3, Unnamed: 1), sweep);
        // Kept files stay, and so do a kept file no row names (a restore of an older backup makes those), an upload
        // still arriving (written a moment ago), a photo cut off two hours ago that the phone may still continue, and a
        // file that is not evidence.
        string[] staying = [kept, committed, "01a24a07ff6671a0b202f0b959978089.evidence", "01a24a07ff6671a0b202f0b959978091.evidence.partial",
            "0a9c3e5f7b2d4c6e8f0a1b2c3d4e5f60.evidence.upload", "notes.txt"];
        Assert.Equal(staying.Order(StringComparer.Ordinal), Directory.GetFiles(evidence).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await CrashChecks.WithServicesAsync(folder, async services => sweep = await services.GetRequiredService<EvidenceLeftovers>().SweepAsync(),
            ("Spean:Evidence:LeftoverAge", "00:00:00"));
        Assert.Equal(new LeftoverSweep(Completed: 0, Removed: 1, Unnamed: 1), sweep);
        Assert.Contains("0a9c3e5f7b2d4c6e8f0a1b2c3d4e5f60.evidence.upload", Directory.GetFiles(evidence).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_upload_killed_after_its_row_committed_has_its_file_under_its_name_at_the_next_start()
    {
        Assert.Equal(0, (await ChildProgram.RunAsync(CrashChecks.Cli, ["migrate", "--no-reference-data", "--data-dir", folder])).Code);
        var committed = await StoreAsync(RotationCrash.Recording(10_000, 4));
        var evidence = Path.Combine(folder, "evidence");
        File.Move(Path.Combine(evidence, committed), Path.Combine(evidence, committed + ".partial"));

        var verify = await ChildProgram.RunAsync(CrashChecks.Cli, ["evidence", "verify", "--data-dir", folder]);

        Assert.True(verify.Code == 0, verify.Output);
        Assert.Equal([committed], Directory.GetFiles(evidence).Select(Path.GetFileName));
    }

    private async Task<string> StoreAsync(byte[] content)
    {
        var name = "";
        await CrashChecks.WithServicesAsync(folder, async services =>
        {
            var reportId = await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>());
            var stored = await services.GetRequiredService<EvidenceStore>().StoreAsync(
                new EvidenceUpload(reportId, Guid.CreateVersion7(), "interview.wav", Convert.ToHexStringLower(SHA256.HashData(content))), new MemoryStream(content));
            name = stored.Value!.File.StoredName;
        });
        return name;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
