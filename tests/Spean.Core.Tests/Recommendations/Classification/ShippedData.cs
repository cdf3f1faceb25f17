namespace Spean.Core.Recommendations.Classification.Tests;

/// <summary>The shipped UPR Info sessions 1-18 export, read once for all tests.</summary>
internal static class ShippedData
{
    private static readonly Lazy<IReadOnlyList<UprInfoRow>> Rows = new(() =>
        UprInfoCsv.Read(Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_sessions_1-18.csv")).Rows);

    public static IReadOnlyList<UprInfoRow> All => Rows.Value;

    public static IEnumerable<(string Text, int Category)> Actions(Func<int, bool> session) =>
        All.Where(r => r.ActionCategory is not null && session(r.Session)).Select(r => (r.Text, r.ActionCategory!.Value));

    public static IEnumerable<(string Text, IReadOnlyCollection<string> Issues, int Session)> Issues(Func<int, bool> session) =>
        IssueTagModel.Examples(All.Where(r => session(r.Session)));
}
