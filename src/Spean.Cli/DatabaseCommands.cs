using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spean.Core.Backup;
using System.Globalization;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Taxonomies;
using Spean.Core;

namespace Spean.Cli;

internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var noReference = new Option<bool>("--no-reference-data") { Description = "Only create or update the schema." };
        var command = new Command("migrate", "Creates or updates the database schema and loads the shipped reference data and UPR recommendations if they are missing.") { noReference };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await WithProgressAsync("Migrating", progress =>
                services.GetRequiredService<DatabaseMigrator>().MigrateAsync(!parse.GetValue(noReference), !parse.GetValue(noReference), progress));
            AnsiConsole.MarkupLine("[green]The database is up to date.[/]");
            return 0;
        }));
        return command;
    }

    public static Command Import()
    {
        var directory = new Option<string?>("--dir") { Description = "Folder with the reference CSV files (default: the shipped data/reference)." };
        var reference = new Command("reference", "Loads or refreshes countries, organisations, treaties, the gazetteer and the SDGs. Running it twice changes nothing.") { directory };
        reference.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            IReadOnlyList<ImportSummary> summaries = [];
            await WithProgressAsync("Importing", async progress =>
                summaries = await services.GetRequiredService<ReferenceDataImporter>()
                    .ImportAllAsync(parse.GetValue(directory) ?? ReferenceDataImporter.ShippedDataDirectory, progress));
            var table = new Table().AddColumns("Dataset", "Created", "Updated", "Unchanged");
            foreach (var s in summaries) table.AddRow(s.Dataset, $"{s.Created}", $"{s.Updated}", $"{s.Unchanged}");
            AnsiConsole.Write(table);
            return 0;
        }));
        return new Command("import", "Imports data into Spean.") { reference, Recommendations(), MatrixCommands.Matrix(), UprCalendarCommands.UprCalendar() };
    }

    private static Command Recommendations()
    {
        var file = new Option<FileInfo?>("--file") { Description = "A CSV in UPR Info's format, or any CSV with --map (default: the shipped sessions 1-18)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without writing anything." };
        var map = new Option<string[]>("--map")
        {
            Description = $"field=Column, once per field, for a CSV not in UPR Info's format; needs text, sur, from and session. Fields: {string.Join(", ", CsvColumnMap.FieldNames)}.",
        };
        var command = new Command("recommendations", "Imports UPR recommendations. Running it twice changes nothing; bad rows are listed with line and reason; a row without an action category gets a predicted one.")
        {
            file, dryRun, map,
        };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var columns = CsvColumnMap.UprInfo;
            if (parse.GetValue(map) is { Length: > 0 } pairs)
            {
                (columns, var error) = CsvColumnMap.Parse(pairs);
                if (columns is null)
                {
                    await Console.Error.WriteLineAsync($"spean: --map: {error!.Message}");
                    return 1;
                }
            }
            var path = parse.GetValue(file)?.FullName ?? RecommendationImporter.ShippedFile;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"spean: no file at {path}.");
                return 1;
            }
            var rows = UprInfoCsv.Read(path, columns);
            if (rows.Rejected is [{ Line: 1 } header])
            {
                await Console.Error.WriteLineAsync($"spean: {path}: {header.Reason}");
                return 1;
            }
            // The action model learns (a few seconds) while the database is migrated, so rows the file gives no
            // category get a predicted one, as they would when added in the app.
            var learning = rows.Rows.Any(r => r.ActionCategory is null)
                ? Task.Run(services.GetRequiredService<RecommendationClassifier>().TrainActions)
                : Task.CompletedTask;
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true);
            await learning;
            RecommendationImportReport? report = null;
            await WithProgressAsync("Importing", async progress =>
                report = await services.GetRequiredService<RecommendationImporter>().ImportAsync(rows, parse.GetValue(dryRun), progress));
            if (report!.DryRun)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"Dry run: would create {report.Created}, update {report.Updated}, leave {report.Unchanged} unchanged; rejected {report.Rejected.Count}.");
            else
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"Created {report.Created}, updated {report.Updated}, unchanged {report.Unchanged}, rejected {report.Rejected.Count}.");
            if (report.Predicted > 0)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"{(report.DryRun ? "Would predict" : "Predicted")} the action category of {report.Predicted} recommendation(s) the file gives none; marked predicted, not official.");
            foreach (var row in report.Rejected) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]line {row.Line}:[/] {row.Reason}");
            return 0;
        }));
        return command;
    }

    private static readonly Option<bool> PassphraseStdin = new("--passphrase-stdin")
    {
        Description = $"Read the backup's passphrase from the first line of standard input (at least {BackupSecret.MinimumPassphraseLength} characters; several words).",
    };

    private static readonly Option<FileInfo?> KeyFile = new("--key-file")
    {
        Description = $"Use a key file of at least {BackupSecret.MinimumKeyFileBytes} random bytes (head -c 32 /dev/urandom > spean-backup.key); keep it apart from the backups.",
    };

    public static Command Backup()
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The backup file to write (readable by this account only).", Required = true };
        var command = new Command("backup",
            "Writes every row of the database to an encrypted, portable file that restores into SQLite or PostgreSQL. Needs --passphrase-stdin or --key-file.")
        {
            output, PassphraseStdin, KeyFile,
        };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(output)!;
            if (await SecretAsync(parse) is not { } secret)
            {
                await Console.Error.WriteLineAsync(
                    "spean: backups are encrypted: give --passphrase-stdin (and the passphrase on standard input) or --key-file FILE.");
                return 1;
            }
            BackupManifest? manifest = null;
            // Written beside the target and renamed over it once whole: a backup killed or failing half-way must not
            // have destroyed the last good backup of the same name.
            var partial = file.FullName + ".partial";
            try
            {
                await using (var stream = OwnerOnly.Create(partial))
                {
                    await using (var encrypted = BackupEncryption.Encrypt(stream, secret))
                        await WithProgressAsync("Backing up", async progress =>
                            manifest = await services.GetRequiredService<BackupArchive>().WriteAsync(encrypted, progress));
                    stream.Flush(flushToDisk: true);
                }
                File.Move(partial, file.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.CurrentCulture,
                $"[green]Wrote {manifest!.Rows.Values.Sum()} rows to {file.FullName}, encrypted.[/] Keep the {(parse.GetValue(KeyFile) is null ? "passphrase" : "key file")} apart from the backups and from the key ring.");
            return 0;
        }));
        return command;
    }

    public static Command Restore()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "The backup file to read.", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Replace the database's rows without asking." };
        var command = new Command("restore",
            "Replaces every row of the database with the rows of a backup. An encrypted backup needs the --passphrase-stdin or --key-file it was made with.")
        {
            input, yes, PassphraseStdin, KeyFile,
        };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"spean: no backup file at {file.FullName}.");
                return 1;
            }
            await using var raw = file.OpenRead();
            var start = new byte[8];
            await raw.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false);
            raw.Position = 0;
            Stream backup = raw;
            if (BackupEncryption.IsEncrypted(start))
            {
                if (await SecretAsync(parse) is not { } secret)
                {
                    await Console.Error.WriteLineAsync("spean: this backup is encrypted: give --passphrase-stdin or --key-file, as when it was made. Nothing was restored.");
                    return 1;
                }
                backup = await BackupEncryption.DecryptAsync(raw, secret);
            }
            else
                await Console.Error.WriteLineAsync(
                    "spean: this backup is not encrypted (made before Spean encrypted its backups); it restores as before. Make an encrypted backup afterwards and delete this file.");
            if (!parse.GetValue(yes) && !AnsiConsole.Confirm("This replaces every row in the database. Continue?", defaultValue: false))
                return 1;
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            BackupManifest? manifest = null;
            await using (backup)
                await WithProgressAsync("Restoring", async progress =>
                    manifest = await services.GetRequiredService<BackupArchive>().RestoreAsync(backup, progress));
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.CurrentCulture, $"[green]Restored {manifest!.Rows.Values.Sum()} rows from {file.Name}.[/]");
            return 0;
        }));
        return command;
    }

    /// <summary>The passphrase or key file the command was given; null when neither was. Both at once is refused.</summary>
    private static async Task<BackupSecret?> SecretAsync(ParseResult parse)
    {
        var keyFile = parse.GetValue(KeyFile);
        if (parse.GetValue(PassphraseStdin))
        {
            if (keyFile is not null) throw new InvalidDataException("Give --passphrase-stdin or --key-file, not both.");
            var passphrase = (await Console.In.ReadLineAsync() ?? "").TrimEnd('\r', '\n');
            if (passphrase.Length < BackupSecret.MinimumPassphraseLength)
                throw new InvalidDataException(
                    $"The backup passphrase has {passphrase.Length} characters; use at least {BackupSecret.MinimumPassphraseLength} (several words that are not a saying).");
            return BackupSecret.FromPassphrase(passphrase);
        }
        return keyFile is null ? null : BackupSecret.FromKeyFile(keyFile.FullName);
    }

    private static Task WithProgressAsync(string title, Func<IProgress<ImportProgress>, Task> work) =>
        AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask(title);
            await work(new Progress<ImportProgress>(p =>
            {
                task.Description = $"{title}: {p.Step}";
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }));
            task.Value = task.MaxValue;
        });
}
