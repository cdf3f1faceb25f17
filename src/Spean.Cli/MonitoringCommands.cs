using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Monitoring;
using Spean.Core.Protection;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Cli;

/// <summary>Key ring and evidence checks. Plain output, so cron jobs and scripts can read it.</summary>
internal static class MonitoringCommands
{
    public static Command Keys()
    {
        var rotate = new Command("rotate",
            "Creates a new current key, re-encrypts every protected field and evidence file with it, and removes keys nothing uses any more.");
        rotate.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var report = await services.GetRequiredService<KeyRotation>().RotateAsync();
            var output = Console.Out;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"New current key {report.NewKeyId}: {report.FieldsReencrypted} fields and {report.FilesReencrypted} evidence files re-encrypted."));
            await output.WriteLineAsync($"Keys removed: {(report.RemovedKeys.Count == 0 ? "none" : string.Join(", ", report.RemovedKeys))}.");
            foreach (var failure in report.Failures) await Console.Error.WriteLineAsync($"not re-encrypted: {failure}");
            await output.WriteLineAsync($"Back up the key file again: {services.GetRequiredService<KeyRing>().FilePath}");
            return report.Failures.Count == 0 ? 0 : 1;
        }));
        var list = new Command("list", "Lists the keys in the key ring (never their material) and where the ring is.");
        list.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var keys = services.GetRequiredService<KeyRing>();
            foreach (var key in keys.Keys)
                await Console.Out.WriteLineAsync($"{key.Id}  created {key.CreatedAt.ToString("u", CultureInfo.InvariantCulture)}{(key.Current ? "  current" : "")}");
            await Console.Out.WriteLineAsync(keys.FilePath);
            return 0;
        }));
        return new Command("keys", "Manages the key ring that protects identities and evidence.") { rotate, list };
    }

    public static Command Evidence()
    {
        var verify = new Command("verify",
            "Hashes every stored evidence file again and walks every custody log; prints each chain's head (keep them elsewhere) and exits with 1 when anything does not match.");
        verify.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var report = await services.GetRequiredService<EvidenceVerification>().VerifyAllAsync();
            foreach (var file in report.Files.Where(f => f.Custody.Head is not null))
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"head {file.FileId} {file.Custody.Entries} {file.Custody.Head}"));
            foreach (var defect in report.Defects)
                await Console.Out.WriteLineAsync($"{defect.FileId} ({defect.StoredName}): {defect.Problem}");
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.FilesChecked} files checked, {report.Defects.Count} problems."));
            return report.AllIntact ? 0 : 1;
        }));
        return new Command("evidence", "Checks the evidence store.") { verify };
    }
}
