using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spean.Core.Data;
using Spean.Core.Implementation.Matrix;
using Spean.Core.Recommendations.Classification;

namespace Spean.Cli;

internal static class MatrixCommands
{
    public static Command Matrix()
    {
        var file = new Option<FileInfo>("--file") { Description = "OHCHR's UPR matrix ('thematic list of recommendations') as published, .docx.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without writing anything." };
        var state = new Option<string?>("--state") { Description = "State under Review (ISO3 or name), when the document does not name it." };
        var session = new Option<int?>("--session") { Description = "UPR session, when the document does not say it." };
        var cycle = new Option<int?>("--cycle") { Description = "UPR cycle, when the document does not say it (otherwise it follows from the session)." };
        var noPredictions = new Option<bool>("--no-predictions") { Description = "Skip training the models (about half a minute): new rows get no predicted category or issues." };
        var command = new Command("matrix",
            "Imports OHCHR's UPR matrix of a review. Running it twice changes nothing; recommendations already stored (e.g. from UPR Info) are " +
            "enriched, not duplicated; rows that cannot be read are listed with paragraph and reason.")
        {
            file, dryRun, state, session, cycle, noPredictions,
        };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"spean: no file at {path.FullName}.");
                return 1;
            }
            if (path.Length > MatrixImporter.MaxFileBytes)
            {
                await Console.Error.WriteLineAsync($"spean: {path.Name} has {path.Length / 1_000_000} MB; a matrix has at most {MatrixImporter.MaxFileBytes / 1_000_000} MB.");
                return 1;
            }
            var learning = parse.GetValue(noPredictions) ? Task.CompletedTask : Task.Run(services.GetRequiredService<RecommendationClassifier>().Train);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true);
            await learning;
            await using var stream = path.OpenRead();
            var (report, problem) = await services.GetRequiredService<MatrixImporter>().ImportAsync(stream,
                new MatrixImportRequest(path.Name, parse.GetValue(state), parse.GetValue(session), parse.GetValue(cycle), parse.GetValue(dryRun)));
            if (report is null)
            {
                await Console.Error.WriteLineAsync($"spean: {path.Name}: {problem!.Message}");
                return 1;
            }
            var review = report.Review;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{review.StateName} ({review.StateIso3}, from the {From(review.StateFrom)}), session {review.Session} (from the {From(review.SessionFrom)}), cycle {review.Cycle} (from the {From(review.CycleFrom)}).");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{(report.DryRun ? "Dry run: would create" : "Created")} {report.Created}, enriched {report.Enriched}, unchanged {report.Unchanged}, refused {report.Refused.Count} (read {report.Read}).");
            if (report.Predicted > 0)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"{report.Predicted} recommendation(s) got a predicted action category or issues; marked predicted, not official.");
            foreach (var row in report.Refused)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]paragraph {row.Paragraph}:[/] {row.Reason}");
            if (report.UnknownStates.Count > 0)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Recommending States Spean does not know, kept as written: {string.Join(", ", report.UnknownStates)}");
            return 0;
        }));
        return command;
    }

    private static string From(ReviewOrigin origin) => origin switch
    {
        ReviewOrigin.Document => "document",
        ReviewOrigin.FileName => "file name",
        ReviewOrigin.Option => "options",
        _ => "session",
    };
}
