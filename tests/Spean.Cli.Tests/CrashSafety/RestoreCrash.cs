using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.People;
using Spean.Testing;
using Spean.Testing.Monitoring;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>
/// `spean restore` of a key-file backup over the database it was made from, after an organisation was added, killed
/// and run again: the database must hold either its rows from before or the backup's, never a mixture.
/// </summary>
internal sealed class RestoreCrash(bool referenceData) : CrashScenario
{
    private string Data => Path.Combine(Folder, "data");
    private string Backup => Path.Combine(Folder, "spean.backup");
    private string Key => Path.Combine(Folder, "spean-backup.key");
    private readonly byte[] original = RotationCrash.Recording(200_000, 7);
    private Dictionary<string, long> backedUp = [];
    private Dictionary<string, long> before = [];

    public override string Operation => referenceData ? "restore of a backup (reference data, witnesses, evidence)" : "restore of a backup (witnesses, evidence)";

    public override async Task SetUpAsync()
    {
        await CrashChecks.WithServicesAsync(Data, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: referenceData);
            var reportId = await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>());
            await services.GetRequiredService<ReportPeople>().AddAsync(reportId, new PersonDetails(PersonRole.Witness, "Sokha Chan", "012 345 678"));
            var stored = await services.GetRequiredService<EvidenceStore>().StoreAsync(new EvidenceUpload(reportId, Guid.CreateVersion7(), "interview.wav",
                Convert.ToHexStringLower(SHA256.HashData(original))), new MemoryStream(original));
            if (stored.Refusal is { } refusal) throw new InvalidOperationException(refusal.Message);
        });
        await File.WriteAllBytesAsync(Key, RandomNumberGenerator.GetBytes(32));
        var failures = new List<string>();
        await CrashChecks.RunCliAsync(failures, "backup", "backup", "-o", Backup, "--key-file", Key, "--data-dir", Data);
        if (failures.Count > 0) throw new InvalidOperationException(failures[0]);
        backedUp = CrashChecks.RowCounts(Data);
    }

    public override async Task BeforeRoundAsync(int round)
    {
        await CrashChecks.WithServicesAsync(Data, async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            db.Add(new Organisation { Name = string.Create(CultureInfo.InvariantCulture, $"Added after the backup {round}") });
            await db.SaveChangesAsync();
        });
        before = CrashChecks.RowCounts(Data);
    }

    public override Task<Running> StartAsync(int round) =>
        Task.FromResult(Run(ChildProgram.Start(CrashChecks.Cli, ["restore", "-i", Backup, "--key-file", Key, "--yes", "--data-dir", Data])));

    public override Task<string> AfterKillAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add("after the kill: " + broken);
            return Task.FromResult("a damaged database");
        }
        var counts = CrashChecks.RowCounts(Data);
        if (Differences(counts, before).Count == 0) return Task.FromResult("the rows from before the restore");
        if (Differences(counts, backedUp).Count == 0) return Task.FromResult("the backup's rows");
        failures.Add("after the kill the database holds neither its rows nor the backup's: " + string.Join(", ", Differences(counts, backedUp).Take(5)));
        return Task.FromResult("a mixture");
    }

    public override Task RerunAsync(int round, List<string> failures) =>
        CrashChecks.RunCliAsync(failures, "the re-run restore", "restore", "-i", Backup, "--key-file", Key, "--yes", "--data-dir", Data);

    public override async Task CheckAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add(broken);
            return;
        }
        foreach (var difference in Differences(CrashChecks.RowCounts(Data), backedUp))
            failures.Add("after the restore, " + difference);
        CrashChecks.Evidence(Data, failures, original[..64]);
        await CrashChecks.VerifyAsync(Data, failures);
    }

    /// <summary>Tables whose counts differ; the audit trail is left out, since a restore adds its own entry to the backup's.</summary>
    private static List<string> Differences(Dictionary<string, long> counts, Dictionary<string, long> expected) =>
    [
        .. expected.Keys.Union(counts.Keys).Where(t => t != "AuditEntries" && counts.GetValueOrDefault(t) != expected.GetValueOrDefault(t))
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t} has {counts.GetValueOrDefault(t)} rows, the backup {expected.GetValueOrDefault(t)}")),
    ];
}
