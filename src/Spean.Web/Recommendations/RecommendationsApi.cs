using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Recommendations;
using Spean.Web.Infrastructure;

namespace Spean.Web.Recommendations;

public sealed record StatisticsCell(string Column, int Count, double Percent);

public sealed record StatisticsRow(string Row, int Total, IReadOnlyList<StatisticsCell> Cells);

public sealed record StatisticsResponse(string Rows, string Columns, int Total, IReadOnlyList<string> ColumnKeys, IReadOnlyList<StatisticsRow> Table);

internal static class RecommendationsApi
{
    public static void MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations").AllowAnonymous()
            .RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/statistics", Statistics);
        api.MapGet("/statistics.csv", StatisticsCsv);
    }

    private static async Task<Results<Ok<StatisticsResponse>, ProblemHttpResult>> Statistics(
        RecommendationStatistics statistics, string rows, string columns, string? sur, int? session, int? cycle, string? response)
    {
        var (table, problem) = await CrossAsync(statistics, rows, columns, sur, session, cycle, response);
        if (problem is not null) return problem;
        return TypedResults.Ok(new StatisticsResponse(table!.Rows.ToString(), table.Columns.ToString(), table.Total, table.ColumnKeys,
            table.RowKeys.Select(r => new StatisticsRow(r, table.RowTotal(r),
                table.ColumnKeys.Select(c => new StatisticsCell(c, table.Count(r, c), table.RowPercent(r, c))).ToList())).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> StatisticsCsv(
        RecommendationStatistics statistics, string rows, string columns, string? sur, int? session, int? cycle, string? response)
    {
        var (table, problem) = await CrossAsync(statistics, rows, columns, sur, session, cycle, response);
        if (problem is not null) return problem;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField($"{table!.Rows} \\ {table.Columns}");
            foreach (var c in table.ColumnKeys) { csv.WriteField(c); csv.WriteField(c + " %"); }
            csv.WriteField("Total");
            await csv.NextRecordAsync();
            foreach (var r in table.RowKeys)
            {
                csv.WriteField(r);
                foreach (var c in table.ColumnKeys) { csv.WriteField(table.Count(r, c)); csv.WriteField(table.RowPercent(r, c)); }
                csv.WriteField(table.RowTotal(r));
                await csv.NextRecordAsync();
            }
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", "spean-statistics.csv");
    }

    private static async Task<(CrossTable? Table, ProblemHttpResult? Problem)> CrossAsync(
        RecommendationStatistics statistics, string rows, string columns, string? sur, int? session, int? cycle, string? response)
    {
        var fields = string.Join(", ", Enum.GetNames<RecommendationField>());
        if (!Enum.TryParse<RecommendationField>(rows, ignoreCase: true, out var rowField) ||
            !Enum.TryParse<RecommendationField>(columns, ignoreCase: true, out var columnField))
            return (null, TypedResults.Problem($"'rows' and 'columns' each take one of: {fields}.", statusCode: StatusCodes.Status400BadRequest));
        RecommendationResponse? parsedResponse = null;
        if (response is not null)
        {
            if (!Enum.TryParse<RecommendationResponse>(response, ignoreCase: true, out var r))
                return (null, TypedResults.Problem("'response' is Supported, Noted or Pending.", statusCode: StatusCodes.Status400BadRequest));
            parsedResponse = r;
        }
        var table = await statistics.CrossAsync(rowField, columnField, new StatisticsFilter(sur?.ToUpperInvariant(), session, cycle, parsedResponse));
        return (table, null);
    }
}
