using System.Globalization;
using Microsoft.Extensions.Localization;
using Spean.Core.Implementation.Midterm;
using Spean.Core.Implementation.Scorecards;
using Spean.Core.Recommendations;
using Spean.Web.Infrastructure;
using Spean.Web.Recommendations;
using Spean.Web.Recommendations.Statistics;

namespace Spean.Web.Implementation.Scorecards;

public enum ScorecardChart
{
    Status,
    Issues,
    Recommending,
    Categories,
}

/// <summary>A scorecard's charts and downloads, named in the reader's language: the page, the SVG and the CSV say the same.</summary>
internal sealed class ScorecardTables(RecommendationLabels labels, IStringLocalizer<Strings> localizer)
{
    public static readonly ScorecardColumn[] Columns = Enum.GetValues<ScorecardColumn>();

    public static MidtermLabels Words => MidtermLabels.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public Task LoadAsync(CancellationToken cancellationToken = default) => labels.LoadAsync(cancellationToken);

    public string Column(ScorecardColumn column) => Words.Column(column);

    public static string Position(RecommendationResponse response) => Words.Position(response);

    public string Country(string iso3) => labels.Country(iso3);

    public string Key(ScorecardChart breakdown, string key) => breakdown switch
    {
        _ when key == Scorecard.None => localizer["NoValue"],
        ScorecardChart.Issues => labels.Issue(key),
        ScorecardChart.Recommending => labels.Country(key),
        ScorecardChart.Categories => labels.Value("action", key),
        _ => key,
    };

    public string Title(ScorecardChart chart, Scorecard scorecard) => string.Format(CultureInfo.CurrentCulture, localizer[$"Scorecard.Chart.{chart}"],
        labels.Country(scorecard.StateIso3), scorecard.Cycle);

    public static IReadOnlyList<ScorecardRow> Rows(Scorecard scorecard, ScorecardChart breakdown) => breakdown switch
    {
        ScorecardChart.Issues => scorecard.ByIssue,
        ScorecardChart.Recommending => scorecard.ByRecommendingState,
        ScorecardChart.Categories => scorecard.ByActionCategory,
        _ => [],
    };

    public string Svg(Scorecard scorecard, ScorecardChart chart)
    {
        var (table, rowLabel) = chart == ScorecardChart.Status ? StatusTable(scorecard) : (BreakdownTable(Rows(scorecard, chart)), k => Key(chart, k));
        var note = StatisticsChart.Omission(table, ChartKind.Stacked, localizer)
            ?? (scorecard.PublishedOnly ? localizer["Scorecard.PublicNote"].Value : null);
        return StatisticsChart.Svg(table, ChartKind.Stacked, rowLabel, c => Column(Enum.Parse<ScorecardColumn>(c)), Title(chart, scorecard), note);
    }

    /// <summary>Supported and noted, this cycle and the one before, so the comparison is one picture.</summary>
    private (CrossTable, Func<string, string>) StatusTable(Scorecard scorecard)
    {
        var lines = new List<(string Key, string Label, StatusCounts Counts)>
        {
            ($"{scorecard.Cycle}-Supported", CycleLabel(scorecard.Cycle, RecommendationResponse.Supported), scorecard.Totals.Supported),
            ($"{scorecard.Cycle}-Noted", CycleLabel(scorecard.Cycle, RecommendationResponse.Noted), scorecard.Totals.Noted),
        };
        if (scorecard.Previous is { } previous)
        {
            lines.Add(($"{previous.Cycle}-Supported", CycleLabel(previous.Cycle, RecommendationResponse.Supported), previous.Supported));
            lines.Add(($"{previous.Cycle}-Noted", CycleLabel(previous.Cycle, RecommendationResponse.Noted), previous.Noted));
        }
        var names = lines.ToDictionary(l => l.Key, l => l.Label);
        return (Table(lines.Select(l => (l.Key, l.Counts))), k => names[k]);
    }

    public string CycleLabel(int cycle, RecommendationResponse response) =>
        string.Format(CultureInfo.CurrentCulture, localizer["Scorecard.CycleResponse"], cycle, Position(response));

    private static CrossTable BreakdownTable(IReadOnlyList<ScorecardRow> rows) => Table(rows.Select(r => (r.Key, r.All)));

    private static CrossTable Table(IEnumerable<(string Key, StatusCounts Counts)> lines)
    {
        var list = lines.ToList();
        var counts = new Dictionary<(string, string), int>();
        foreach (var (key, line) in list)
            foreach (var column in Columns)
                counts[(key, column.ToString())] = line[column];
        return new CrossTable("row", "status", list.Select(l => l.Key).ToList(), Columns.Select(c => c.ToString()).ToList(), counts,
            list.Sum(l => l.Counts.Total));
    }

    /// <summary>Every count of the scorecard as one table: the totals, the previous cycle's, then each breakdown, supported and noted apart.</summary>
    public (IReadOnlyList<string> Header, List<object?[]> Rows) Download(Scorecard scorecard)
    {
        var header = new List<string> { localizer["Scorecard.Breakdown"], localizer["Scorecard.Key"], localizer["Scorecard.Name"], localizer["Scorecard.Position"] };
        header.AddRange(Columns.Select(Column));
        header.Add(localizer["Total"]);
        var rows = new List<object?[]>();
        void Add(string breakdown, string key, string name, StatusCounts supported, StatusCounts noted)
        {
            foreach (var (response, counts) in new[] { (RecommendationResponse.Supported, supported), (RecommendationResponse.Noted, noted) })
                rows.Add([breakdown, key, name, Position(response), .. Columns.Select(c => (object?)counts[c]), counts.Total]);
        }
        var cycle = string.Format(CultureInfo.CurrentCulture, localizer["Scorecard.CycleN"], scorecard.Cycle);
        Add(localizer["Total"], scorecard.Cycle.ToString(CultureInfo.InvariantCulture), cycle, scorecard.Totals.Supported, scorecard.Totals.Noted);
        if (scorecard.Previous is { } previous)
            Add(localizer["Scorecard.PreviousCycle"], previous.Cycle.ToString(CultureInfo.InvariantCulture),
                string.Format(CultureInfo.CurrentCulture, localizer["Scorecard.CycleN"], previous.Cycle), previous.Supported, previous.Noted);
        foreach (var breakdown in new[] { ScorecardChart.Issues, ScorecardChart.Recommending, ScorecardChart.Categories })
            foreach (var row in Rows(scorecard, breakdown))
                Add(localizer[$"Scorecard.By.{breakdown}"], row.Key, Key(breakdown, row.Key), row.Supported, row.Noted);
        return (header, rows);
    }

    public static string Percent(int count, int total) =>
        total == 0 ? "0" : Math.Round(100.0 * count / total, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.CurrentCulture);

    public static bool IsKhmer => Localization.IsKhmer;
}
