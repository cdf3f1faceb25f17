using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Auditing;
using Spean.Core.Exports;
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
            error ??= parsed is null ? null : (await search.ValidateAsync(parsed, cancellationToken))?.Message;
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"spean: {error}");
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
        return new Command("export", "Exports data from Spean.") { recommendations };
    }
}
