using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spean.Core.Data;
using Spean.Core.Monitoring;

namespace Spean.Cli;

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
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]New current key {report.NewKeyId}:[/] {report.FieldsReencrypted} fields and {report.FilesReencrypted} evidence files re-encrypted.");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Keys removed: {(report.RemovedKeys.Count == 0 ? "none" : string.Join(", ", report.RemovedKeys))}. Back up the key file again: {services.GetRequiredService<KeyRing>().FilePath}");
            foreach (var failure in report.Failures) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]not re-encrypted:[/] {failure}");
            return report.Failures.Count == 0 ? 0 : 1;
        }));
        var list = new Command("list", "Lists the keys in the key ring (never their material) and where the ring is.");
        list.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var keys = services.GetRequiredService<KeyRing>();
            var table = new Table().AddColumns("Key", "Created (UTC)", "Current");
            foreach (var key in keys.Keys) table.AddRow(key.Id, key.CreatedAt.ToString("u", CultureInfo.InvariantCulture), key.Current ? "yes" : "");
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine(keys.FilePath);
            return 0;
        }));
        return new Command("keys", "Manages the key ring that protects identities and evidence.") { rotate, list };
    }

    public static Command Evidence()
    {
        var verify = new Command("verify", "Hashes every stored evidence file again and walks every custody log; exits with 1 when anything does not match.");
        verify.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var report = await services.GetRequiredService<EvidenceVerification>().VerifyAllAsync();
            foreach (var defect in report.Defects)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{defect.FileId}[/] ({defect.StoredName}): {defect.Problem}");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{report.FilesChecked} files checked, {report.Defects.Count} problems.");
            return report.AllIntact ? 0 : 1;
        }));
        return new Command("evidence", "Checks the evidence store.") { verify };
    }
}
