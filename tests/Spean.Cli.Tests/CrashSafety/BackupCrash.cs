using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Backup;
using Spean.Core.Data;
using Spean.Testing;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>
/// `spean backup -o F` killed while it writes over the last good backup of the same name: F must still open, as the
/// last backup or the new one, and the re-run must leave a whole backup and nothing beside it.
/// </summary>
internal sealed class BackupCrash(bool referenceData) : CrashScenario
{
    private string Data => Path.Combine(Folder, "data");
    private string Backups => Path.Combine(Folder, "backups");
    private string Backup => Path.Combine(Backups, "spean.backup");
    private string Key => Path.Combine(Folder, "spean-backup.key");
    private byte[] previous = [];

    public override string Operation => "backup over the last backup of the same name";

    public override async Task SetUpAsync()
    {
        await CrashChecks.WithServicesAsync(Data, services => services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: referenceData));
        await File.WriteAllBytesAsync(Key, RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(Backups);
    }

    public override Task BeforeRoundAsync(int round)
    {
        previous = File.Exists(Backup) ? File.ReadAllBytes(Backup) : [];
        return Task.CompletedTask;
    }

    public override Task<Running> StartAsync(int round) =>
        Task.FromResult(Run(ChildProgram.Start(CrashChecks.Cli, ["backup", "-o", Backup, "--key-file", Key, "--data-dir", Data])));

    public override async Task<string> AfterKillAsync(int round, List<string> failures)
    {
        if (!File.Exists(Backup)) return previous.Length == 0 ? "no backup yet" : "the last backup gone";
        if (await OpenAsync() is { } problem)
        {
            failures.Add("after the kill the backup does not open: " + problem);
            return "a backup that does not open";
        }
        return File.ReadAllBytes(Backup).AsSpan().SequenceEqual(previous) ? "the last backup" : "the new backup";
    }

    public override Task RerunAsync(int round, List<string> failures) =>
        CrashChecks.RunCliAsync(failures, "the re-run backup", "backup", "-o", Backup, "--key-file", Key, "--data-dir", Data);

    public override async Task CheckAsync(int round, List<string> failures)
    {
        if (await OpenAsync() is { } problem) failures.Add("the backup does not open: " + problem);
        foreach (var stray in Directory.GetFiles(Backups).Where(f => f != Backup))
            failures.Add($"{Path.GetFileName(stray)} is left beside the backup");
    }

    /// <summary>Null when the file decrypts whole and holds its manifest, as a restore first checks; otherwise why not.</summary>
    private async Task<string?> OpenAsync()
    {
        try
        {
            await using var file = File.OpenRead(Backup);
            await using var plain = await BackupEncryption.DecryptAsync(file, BackupSecret.FromKeyFile(Key));
            using var zip = new ZipArchive(plain, ZipArchiveMode.Read);
            var manifest = zip.GetEntry("manifest.json");
            if (manifest is null) return "it has no manifest";
            await using var stream = await manifest.OpenAsync();
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream) is null ? "its manifest is empty" : null;
        }
        catch (Exception e) when (e is CryptographicException or InvalidDataException or IOException or JsonException)
        {
            return e.Message;
        }
    }
}
