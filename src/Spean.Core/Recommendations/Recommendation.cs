namespace Spean.Core.Recommendations;

public enum RecommendationResponse
{
    Supported,
    Noted,
    Pending,
}

/// <summary>Whether a category came from UPR Info or from Spean's model; the two are never mixed up.</summary>
public enum CategoryOrigin
{
    Official,
    Predicted,
}

/// <summary>A UPR recommendation made to a State under Review by one or more recommending States.</summary>
public sealed class Recommendation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A hash of the State under Review, session, recommending States and text, so re-imports find the same row.</summary>
    public required string ImportKey { get; init; }

    public required string Text { get; set; }
    public string? TextKm { get; set; }
    public string? Notes { get; set; }
    public required string StateUnderReviewIso3 { get; set; }
    public required int Session { get; set; }
    public required int Cycle { get; set; }
    public DateTime? ReviewDate { get; set; }
    public RecommendationResponse Response { get; set; }
    public int? ActionCategory { get; set; }
    public CategoryOrigin? ActionCategoryOrigin { get; set; }
    public string? SourceDocument { get; set; }
    public string? Paragraph { get; set; }
    public List<RecommendingState> RecommendingStates { get; init; } = [];
    public List<RecommendationIssue> Issues { get; init; } = [];
    public List<RecommendationSdgTarget> SdgTargets { get; init; } = [];

    /// <summary>Whether the issues came from the source or from Spean's model (set for imports that had none).</summary>
    public CategoryOrigin? IssuesOrigin { get; set; }

    /// <summary>Where the State gave its position, from OHCHR's matrix: document symbol and paragraph ("A/HRC/59/15/Add.1 - Para.3").</summary>
    public string? PositionSource { get; set; }

    /// <summary>OHCHR's human rights themes (the matrix's "full list of themes"), distinct from UPR Info's issues.</summary>
    public List<RecommendationTheme> OhchrThemes { get; init; } = [];

    /// <summary>OHCHR's affected persons / groups of persons.</summary>
    public List<RecommendationAffectedPerson> AffectedPersons { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A State (or observer) that made the recommendation; the name is kept as written when it matches no country.</summary>
public sealed class RecommendingState
{
    public Guid RecommendationId { get; init; }
    public required string Name { get; init; }
    public string? CountryIso3 { get; init; }
}

public sealed class RecommendationIssue
{
    public Guid RecommendationId { get; init; }
    public required string Issue { get; init; }
}

public sealed class RecommendationSdgTarget
{
    public Guid RecommendationId { get; init; }
    public required string SdgCode { get; init; }
}

public sealed class RecommendationTheme
{
    public Guid RecommendationId { get; init; }
    public required string Theme { get; init; }
}

public sealed class RecommendationAffectedPerson
{
    public Guid RecommendationId { get; init; }
    public required string Group { get; init; }
}
