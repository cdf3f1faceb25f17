using Spean.Core.Recommendations;

namespace Spean.Core.Implementation.Scorecards;

/// <summary>A scorecard's columns: the four assessed states, then the recommendations no one has assessed yet.</summary>
public enum ScorecardColumn
{
    FullyImplemented,
    PartiallyImplemented,
    NotImplemented,
    CannotBeAssessed,
    NotYetAssessed,
}

/// <summary>How many recommendations stand in each column.</summary>
public sealed record StatusCounts(int FullyImplemented, int PartiallyImplemented, int NotImplemented, int CannotBeAssessed, int NotYetAssessed)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0, 0);

    public int Total => FullyImplemented + PartiallyImplemented + NotImplemented + CannotBeAssessed + NotYetAssessed;

    public int this[ScorecardColumn column] => column switch
    {
        ScorecardColumn.FullyImplemented => FullyImplemented,
        ScorecardColumn.PartiallyImplemented => PartiallyImplemented,
        ScorecardColumn.NotImplemented => NotImplemented,
        ScorecardColumn.CannotBeAssessed => CannotBeAssessed,
        _ => NotYetAssessed,
    };

    public StatusCounts Plus(StatusCounts other) => new(FullyImplemented + other.FullyImplemented, PartiallyImplemented + other.PartiallyImplemented,
        NotImplemented + other.NotImplemented, CannotBeAssessed + other.CannotBeAssessed, NotYetAssessed + other.NotYetAssessed);

    internal static StatusCounts Of(int[] counts) => new(counts[0], counts[1], counts[2], counts[3], counts[4]);
}

/// <summary>One line of a breakdown: the supported and the noted recommendations under one issue, recommending State or category.</summary>
public sealed record ScorecardRow(string Key, StatusCounts Supported, StatusCounts Noted)
{
    public StatusCounts All => Supported.Plus(Noted);
}

/// <summary>A cycle's totals, for the comparison with the previous cycle.</summary>
public sealed record CycleTotals(int Cycle, StatusCounts Supported, StatusCounts Noted)
{
    public StatusCounts All => Supported.Plus(Noted);
}

/// <summary>
/// What became of the supported and noted recommendations a State received in one cycle, by the assessment that counts
/// (<see cref="CountingAssessment"/>). Pending recommendations are left out: the State has not answered them.
/// </summary>
public sealed record Scorecard(
    string StateIso3, int Cycle, bool PublishedOnly, string? RecommendingIso3, CycleTotals Totals, CycleTotals? Previous,
    IReadOnlyList<ScorecardRow> ByIssue, IReadOnlyList<ScorecardRow> ByRecommendingState, IReadOnlyList<ScorecardRow> ByActionCategory)
{
    /// <summary>Where a recommendation has no issue tag or no action category.</summary>
    public const string None = RecommendationStatistics.None;

    public static ScorecardColumn Column(ImplementationStatus? status) => status switch
    {
        ImplementationStatus.FullyImplemented => ScorecardColumn.FullyImplemented,
        ImplementationStatus.PartiallyImplemented => ScorecardColumn.PartiallyImplemented,
        ImplementationStatus.NotImplemented => ScorecardColumn.NotImplemented,
        ImplementationStatus.CannotBeAssessed => ScorecardColumn.CannotBeAssessed,
        _ => ScorecardColumn.NotYetAssessed,
    };
}
