namespace Spean.Core.Recommendations.Search;

/// <summary>The recommendation search ("Spean:Search:*", formerly "Spean:SearchFreshnessSeconds").</summary>
public sealed class SearchOptions
{
    public const string Section = "Spean:Search";

    /// <summary>How long the search index trusts itself before checking the database for changes made outside the app.</summary>
    public double FreshnessSeconds { get; set; } = 5;
}
