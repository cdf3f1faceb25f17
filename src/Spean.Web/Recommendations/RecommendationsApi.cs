using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Spean.Core;
using Spean.Core.Auditing;
using Spean.Core.Exports;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;
using Spean.Web.Recommendations.Search;
using Spean.Web.Recommendations.Statistics;

namespace Spean.Web.Recommendations;

public sealed record RecommendingStateResponse(string Name, string? Iso3);

public sealed record TextRange(int Start, int Length);

public sealed record RecommendationItem(
    Guid Id, string Text, string? TextKm, string? Notes, string StateUnderReview, IReadOnlyList<RecommendingStateResponse> RecommendingStates,
    int Session, int Cycle, DateTime? ReviewDate, string Response, int? ActionCategory, string? ActionCategoryOrigin,
    IReadOnlyList<string> Issues, IReadOnlyList<string> SdgTargets, string? SourceDocument, string? Paragraph,
    IReadOnlyList<TextRange> Highlights, IReadOnlyList<TextRange> KhmerHighlights)
{
    /// <summary>Predicted when Spean's model suggested the issues (the source gave none), otherwise Official or null.</summary>
    public string? IssuesOrigin { get; init; }

    /// <summary>From OHCHR's UPR matrix: where the State gave its position, e.g. "A/HRC/59/15/Add.1 - Para.3".</summary>
    public string? PositionSource { get; init; }

    /// <summary>From OHCHR's UPR matrix: its human rights themes.</summary>
    public IReadOnlyList<string> OhchrThemes { get; init; } = [];

    /// <summary>From OHCHR's UPR matrix: affected persons / groups of persons.</summary>
    public IReadOnlyList<string> AffectedPersons { get; init; } = [];
}

public sealed record IssueResponse(string Name, string NameKm);

public sealed record FacetValueResponse(string Value, int Count, bool Selected);

public sealed record PageLinks(string Self, string First, string Last, string? Previous, string? Next);

/// <param name="ExpandedQuery">What the index searched: every Khmer term of 'q' OR its English equivalents, every English term OR its Khmer ones; null when the glossary changed nothing.</param>
/// <param name="EnglishQuery">'q' with its Khmer terms in English and unknown Khmer words left out: send it as 'q' to search those English words.</param>
/// <param name="Explanation">When nothing is found: why, and what to try.</param>
public sealed record RecommendationSearchResponse(
    int Total, int Page, int PageSize, int PageCount, IReadOnlyList<RecommendationItem> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueResponse>> Facets, PageLinks Links,
    string? ExpandedQuery = null, string? EnglishQuery = null, IReadOnlyList<ExpandedTermResponse>? ExpandedTerms = null,
    IReadOnlyList<string>? UnknownKhmerWords = null, string? Explanation = null);

/// <param name="ToEnglish">True when a Khmer term was searched with English words; false when an English term was searched with Khmer ones.</param>
public sealed record ExpandedTermResponse(string Term, IReadOnlyList<string> Equivalents, bool ToEnglish);

public sealed record StatisticsCell(string Column, int Count, double Percent);

public sealed record StatisticsRow(string Row, int Total, IReadOnlyList<StatisticsCell> Cells);

public sealed record StatisticsResponse(string Rows, string Columns, int Total, IReadOnlyList<string> ColumnKeys, IReadOnlyList<StatisticsRow> Table);

internal static class RecommendationsApi
{
    private const string Path = "/api/v1/recommendations";

    public static void MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Recommendations").AllowAnonymous()
            .RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/", Search).CacheOutput(AnonymousSearchCache.Policy).WithSummary("Search and filter recommendations, with facet counts that follow the query. Khmer terms in 'q' are also searched as their English equivalents from the shipped glossary (and English terms as Khmer): the response says what was searched (expandedQuery, englishQuery) and, when nothing is found, why.");
        api.MapGet("/export.csv", (HttpContext c, RecommendationSearch s, RecommendationExport e, AuditTrail a, [AsParameters] RecommendationFilterParameters f) =>
            Export(c, s, e, a, f, ExportFormat.Csv)).WithSummary("Every recommendation the filters match, with every field, as CSV.");
        api.MapGet("/export.xlsx", (HttpContext c, RecommendationSearch s, RecommendationExport e, AuditTrail a, [AsParameters] RecommendationFilterParameters f) =>
            Export(c, s, e, a, f, ExportFormat.Xlsx)).WithSummary("Every recommendation the filters match, with every field, as an Excel workbook.");
        api.MapGet("/issues", () => TypedResults.Ok(IssueThesaurus.Shipped.Issues.Select(i => new IssueResponse(i, IssueThesaurus.Shipped.Khmer(i))).ToList()))
            .WithSummary("UPR Info's issues, the thesaurus recommendations are tagged with, in English and Khmer.");
        api.MapGet("/statistics", Statistics).WithSummary("Cross any field with any other over the recommendations the filters match.");
        api.MapGet("/statistics.csv", StatisticsCsv);

        var edits = app.MapGroup(Path).WithTags("Recommendations").RequireAuthorization(Policies.Coordinator);
        edits.MapPost("/", Create).WithSummary("Add a recommendation (coordinators); it is searchable at once.");
        edits.MapPut("/{id:guid}", Update).WithSummary("Correct a recommendation (coordinators).");
        edits.MapDelete("/{id:guid}", Delete).WithSummary("Delete a recommendation (coordinators).");
        api.MapGet("/statistics.svg", StatisticsSvg).WithSummary("The same cross table as a bar, stacked-bar or line chart (SVG), labelled in the request's language.");
    }

    private static async Task<Results<Ok<RecommendationSearchResponse>, ProblemHttpResult>> Search(
        RecommendationSearch search, [AsParameters] RecommendationFilterParameters filters, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var (query, error) = RecommendationQuery.Parse(filters.Pairs().Append(new("page", [page])).Append(new("pageSize", [pageSize])));
        if (query is null) return BadRequest(error!);
        var results = await search.SearchAsync(query, cancellationToken);
        if (results.Error is { } unreadable) return BadRequest(unreadable);
        return TypedResults.Ok(new RecommendationSearchResponse(
            results.Total, query.Page, query.PageSize, results.PageCount,
            results.Hits.Select(Item).ToList(),
            results.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetValueResponse>)f.Value.Select(v => new FacetValueResponse(v.Value, v.Count, v.Selected)).ToList()),
            Links(query, results.PageCount),
            results.Expansion is { Changed: true } changed ? changed.Searched : null,
            results.Expansion?.EnglishQuery,
            results.Expansion?.Terms.Select(t => new ExpandedTermResponse(t.Term, t.Equivalents, t.ToEnglish)).ToList() ?? [],
            results.Expansion?.UnknownKhmer ?? [],
            results.Expansion?.Explain(results.Total)));
    }

    private static async Task<Results<Created<RecommendationItem>, ValidationProblem>> Create(RecommendationEditor editor, RecommendationInput input)
    {
        var created = await editor.CreateAsync(input);
        return created.Refused ? created.Refusals.Invalid() : TypedResults.Created($"{Path}/{created.Value.Id}", Item(new(created.Value, [], [])));
    }

    private static async Task<Results<Ok<RecommendationItem>, ValidationProblem, ProblemHttpResult>> Update(
        RecommendationEditor editor, Guid id, RecommendationInput input)
    {
        var updated = await editor.UpdateAsync(id, input);
        if (!updated.Refused) return TypedResults.Ok(Item(new(updated.Value, [], [])));
        return updated.Refusal?.Code is RecommendationInputProblem.NotFound ? NoSuchRecommendation() : updated.Refusals.Invalid();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(RecommendationEditor editor, Guid id) =>
        await editor.DeleteAsync(id) ? TypedResults.NoContent() : NoSuchRecommendation();

    private static ProblemHttpResult NoSuchRecommendation() =>
        TypedResults.Problem("There is no recommendation with that id; it may have been deleted.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(
        HttpContext context, RecommendationSearch search, RecommendationExport export, AuditTrail audit, RecommendationFilterParameters filters,
        ExportFormat format)
    {
        var (query, error) = RecommendationQuery.Parse(filters.Pairs());
        if (query is null) return BadRequest(error!);
        if (await search.ValidateAsync(query, context.RequestAborted) is { } invalid) return BadRequest(invalid);
        await audit.RecordAsync(AuditAction.Exported, $"recommendations exported as {format}: {query.ToQueryString(withPaging: false)}");
        context.Response.ContentType = TableExport.ContentType(format);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{RecommendationExport.FileName(format)}\"";
        await export.WriteAsync(format, query, context.Response.Body, context.RequestAborted);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<StatisticsResponse>, ProblemHttpResult>> Statistics(
        RecommendationStatistics statistics, [AsParameters] RecommendationFilterParameters filters, string rows, string columns,
        CancellationToken cancellationToken)
    {
        var (table, error) = await CrossAsync(statistics, filters, rows, columns, cancellationToken);
        if (table is null) return BadRequest(error!);
        return TypedResults.Ok(new StatisticsResponse(table.Rows, table.Columns, table.Total, table.ColumnKeys,
            table.RowKeys.Select(r => new StatisticsRow(r, table.RowTotal(r),
                table.ColumnKeys.Select(c => new StatisticsCell(c, table.Count(r, c), table.RowPercent(r, c))).ToList())).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> StatisticsCsv(
        RecommendationStatistics statistics, RecommendationLabels labels, [AsParameters] RecommendationFilterParameters filters,
        string rows, string columns, CancellationToken cancellationToken)
    {
        var (table, error) = await CrossAsync(statistics, filters, rows, columns, cancellationToken);
        if (table is null) return BadRequest(error!);
        await labels.LoadAsync(cancellationToken);
        return TypedResults.File(StatisticsCsvFile.Write(table, labels), "text/csv; charset=utf-8", "spean-statistics.csv");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> StatisticsSvg(
        RecommendationStatistics statistics, RecommendationLabels labels, IStringLocalizer<Strings> localizer,
        [AsParameters] RecommendationFilterParameters filters, string rows, string columns, string? chart, CancellationToken cancellationToken)
    {
        var (table, error) = await CrossAsync(statistics, filters, rows, columns, cancellationToken);
        if (table is null) return BadRequest(error!);
        if (!EnumNames.TryParse<ChartKind>(chart ?? nameof(ChartKind.Bar), out var kind))
            return BadRequest("'chart' is bar, stacked or line.");
        await labels.LoadAsync(cancellationToken);
        var svg = StatisticsChart.Svg(table, kind, r => labels.Value(table.Rows, r), c => labels.Value(table.Columns, c),
            $"{labels.Field(table.Rows)} × {labels.Field(table.Columns)}", StatisticsChart.Omission(table, kind, localizer));
        return TypedResults.Content(svg, "image/svg+xml; charset=utf-8");
    }

    private static async Task<Outcome<CrossTable>> CrossAsync(
        RecommendationStatistics statistics, RecommendationFilterParameters filters, string rows, string columns, CancellationToken cancellationToken)
    {
        var (query, error) = RecommendationQuery.Parse(filters.Pairs());
        return query is null ? error! : await statistics.CrossAsync(query, rows, columns, cancellationToken);
    }

    private static RecommendationItem Item(RecommendationHit hit)
    {
        var r = hit.Recommendation;
        return new(r.Id, r.Text, r.TextKm, r.Notes, r.StateUnderReviewIso3,
            r.RecommendingStates.Select(s => new RecommendingStateResponse(s.Name, s.CountryIso3)).ToList(),
            r.Session, r.Cycle, r.ReviewDate, r.Response.ToString(), r.ActionCategory, r.ActionCategoryOrigin?.ToString(),
            r.Issues.Select(i => i.Issue).Order(StringComparer.Ordinal).ToList(), r.SdgTargets.Select(s => s.SdgCode).ToList(),
            r.SourceDocument, r.Paragraph, Ranges(hit.Highlights), Ranges(hit.KhmerHighlights))
        {
            IssuesOrigin = r.IssuesOrigin?.ToString(),
            PositionSource = r.PositionSource,
            OhchrThemes = r.OhchrThemes.Select(t => t.Theme).Order(StringComparer.Ordinal).ToList(),
            AffectedPersons = r.AffectedPersons.Select(a => a.Group).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static List<TextRange> Ranges(IReadOnlyList<HighlightRange> ranges) => ranges.Select(h => new TextRange(h.Start, h.Length)).ToList();

    private static PageLinks Links(RecommendationQuery query, int pageCount)
    {
        string To(int page) => $"{Path}?{query.WithPage(page).ToQueryString()}".TrimEnd('?');
        return new(To(query.Page), To(1), To(pageCount),
            query.Page > 1 ? To(Math.Min(query.Page - 1, pageCount)) : null,
            query.Page < pageCount ? To(query.Page + 1) : null);
    }

    private static ProblemHttpResult BadRequest(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult BadRequest(Refusal refusal) => refusal.Problem(StatusCodes.Status400BadRequest);
}

/// <summary>
/// A cross table as a spreadsheet opens it: counts and row percentages side by side, UTF-8 with a byte-order mark.
/// Values are named in the reader's language, with the code beside a name ("France (FRA)") so either can be looked up.
/// Labels go through the exports' formula guard: a recommending State is free text.
/// </summary>
internal static class StatisticsCsvFile
{
    public static byte[] Write(CrossTable table, RecommendationLabels labels)
    {
        string Name(string field, string value)
        {
            var name = labels.Value(field, value);
            return name == value || value == RecommendationStatistics.None ? name : $"{name} ({value})";
        }
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField(TableExport.CsvText($"{labels.Field(table.Rows)} \\ {labels.Field(table.Columns)}"));
            foreach (var c in table.ColumnKeys) { csv.WriteField(TableExport.CsvText(Name(table.Columns, c))); csv.WriteField(TableExport.CsvText(Name(table.Columns, c) + " %")); }
            csv.WriteField(TableExport.CsvText(labels.Total));
            csv.NextRecord();
            foreach (var r in table.RowKeys)
            {
                csv.WriteField(TableExport.CsvText(Name(table.Rows, r)));
                foreach (var c in table.ColumnKeys) { csv.WriteField(table.Count(r, c)); csv.WriteField(table.RowPercent(r, c)); }
                csv.WriteField(table.RowTotal(r));
                csv.NextRecord();
            }
        }
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }
}
