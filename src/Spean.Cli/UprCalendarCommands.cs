using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spean.Core.Data;
using Spean.Core.Submissions.Calendar;

namespace Spean.Cli;

internal static class UprCalendarCommands
{
    public static Command UprCalendar()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV of UPR reviews: state_iso3, cycle, session, review_date, submission_deadline, pre_session, adoption, midterm_report." };
        var command = new Command("upr-calendar",
            "Imports UPR review dates. A State's review of a cycle already stored is updated, never duplicated; an empty date is estimated; " +
            "bad lines are listed with line and reason while the others import.")
        {
            file,
        };
        command.SetAction((parse, _) => CliHost.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"spean: no file at {path.FullName}.");
                return 1;
            }
            if (path.Length > UprCalendarImporter.MaxFileBytes)
            {
                await Console.Error.WriteLineAsync($"spean: {path.Name} has {path.Length / 1_000} kB; a calendar file has at most {UprCalendarImporter.MaxFileBytes / 1_000_000} MB.");
                return 1;
            }
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true);
            await using var stream = path.OpenRead();
            var report = await services.GetRequiredService<UprCalendarImporter>().ImportRowsAsync(stream);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Read {report.Read}: created {report.Created}, updated {report.Updated}, unchanged {report.Unchanged}, rejected {report.Rejected.Count}.");
            foreach (var row in report.Rejected)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]line {row.Line}:[/] {row.Reason}");
            return report.Read == 0 && report.Rejected.Count > 0 ? 1 : 0;
        }));
        return command;
    }
}
