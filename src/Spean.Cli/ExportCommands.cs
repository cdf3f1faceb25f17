using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Auditing;
using Spean.Core.Exports;
using Spean.Core.Implementation.Midterm;
using Spean.Core.Recommendations;

namespace Spean.Cli;

internal static class ExportCommands
{
    public static Command Export()
    {
        var query = new Option<string?>("--query", "-q")
        {
            Description = "The filters as the recommendations page's address has them, e.g. \"q=torture NOT prison&sur=KHM&response=Noted\" (default: everything).",
        };
        var format = new Option<ExportFormat>("--format") { Description = "csv (default) or xlsx.", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        var recommendations = new Command("recommendations", "Writes every recommendation the filters match, with every field, as CSV or Excel.")
        {
            query, format, output,
        };
        recommendations.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, async services =>
        {
            var (parsed, error) = RecommendationQuery.Parse(parse.GetValue(query));
            var search = services.GetRequiredService<RecommendationSearch>();
            error ??= parsed is null ? null : await search.ValidateAsync(parsed, cancellationToken);
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"spean: {error.Message}");
                return 2;
            }
            int written;
            await using (var file = parse.GetValue(output)!.Create())
                written = await services.GetRequiredService<RecommendationExport>().WriteAsync(parse.GetValue(format), parsed!, file, cancellationToken);
            await services.GetRequiredService<AuditTrail>().RecordAsync(AuditAction.Exported,
                $"recommendations exported as {parse.GetValue(format)}: {parsed!.ToQueryString(withPaging: false)}", cancellationToken: cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {written} recommendations to {parse.GetValue(output)!.FullName}."));
            return 0;
        }));
        return new Command("export", "Exports data from Spean.") { recommendations, Assessments() };
    }

    /// <summary>The mid-term report's content: as Word in the matrix's layout, or as a table for spreadsheets.</summary>
    private static Command Assessments()
    {
        var state = new Option<string>("--state") { Description = "The State under Review, by its three-letter ISO code (KHM for Cambodia).", Required = true };
        var cycle = new Option<int>("--cycle") { Description = "The UPR cycle (1 to 4 so far).", Required = true };
        var format = new Option<string>("--format") { Description = "csv (default), xlsx or docx (the mid-term report in the matrix's layout).", DefaultValueFactory = _ => "csv" };
        var language = new Option<string>("--language") { Description = "en (default) or km: the report's headings, names and narratives.", DefaultValueFactory = _ => "en" };
        var published = new Option<bool>("--published-only") { Description = "Only published assessments count, as on the public scorecard." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        var command = new Command("assessments", "Writes the assessments of a State's recommendations of one cycle, by the assessment that counts for each, grouped by theme.")
        {
            state, cycle, format, language, published, output,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, async services =>
        {
            var iso3 = parse.GetValue(state)!.Trim();
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            var lang = parse.GetValue(language)!.Trim().ToLowerInvariant();
            string? error = iso3.Length != 3 || !iso3.All(char.IsAsciiLetter) ? "--state is a three-letter ISO code, such as KHM."
                : kind is not ("csv" or "xlsx" or "docx") ? "--format is csv, xlsx or docx."
                : lang is not ("en" or "km") ? "--language is en or km."
                : null;
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"spean: {error}");
                return 2;
            }
            var report = await services.GetRequiredService<MidtermReports>()
                .BuildAsync(iso3, parse.GetValue(cycle), parse.GetValue(published), MidtermLabels.For(lang), cancellationToken);
            if (report is null)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"spean: {iso3.ToUpperInvariant()} received no supported or noted recommendation in cycle {parse.GetValue(cycle)}; check the code and the cycle."));
                return 1;
            }
            await using (var file = parse.GetValue(output)!.Create())
            {
                if (kind == "docx") await MidtermDocument.WriteAsync(report, file, cancellationToken);
                else await TableExport.WriteAsync(kind == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx, "Assessments", report.Columns, report.RowsAsync(), file, cancellationToken);
            }
            await services.GetRequiredService<AuditTrail>().RecordAsync(AuditAction.Exported,
                string.Create(CultureInfo.InvariantCulture, $"assessments of {iso3.ToUpperInvariant()} cycle {parse.GetValue(cycle)} exported as {kind} in {lang}"),
                cancellationToken: cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {report.Count} recommendations to {parse.GetValue(output)!.FullName}."));
            return 0;
        }));
        return command;
    }
}
