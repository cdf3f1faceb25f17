using Spean.Core.Recommendations;

namespace Spean.Core.Implementation.Matrix;

/// <summary>One recommendation of an OHCHR matrix ("thematic list of recommendations"), as the document gives it.</summary>
/// <param name="Paragraph">The paragraph of the Working Group report, e.g. "140.7".</param>
/// <param name="RecommendingStates">The names as written, e.g. "Bolivia (Plurinational State of)".</param>
/// <param name="PositionSource">Where the State gave its position, e.g. "A/HRC/59/15/Add.1 - Para.3".</param>
/// <param name="SdgGoals">SDG goal numbers, 1 to 17.</param>
public sealed record MatrixRow(
    string Paragraph, string Text, IReadOnlyList<string> RecommendingStates, RecommendationResponse Response, string? PositionSource,
    IReadOnlyList<string> Themes, IReadOnlyList<string> AffectedPersons, IReadOnlyList<int> SdgGoals);

/// <summary>A row that could not be read: its paragraph number (or its table row when it has none) and why.</summary>
/// <param name="Reason">In English, naming what is wrong; <paramref name="Problem"/> says the same for a page in the reader's language.</param>
public sealed record MatrixRefusal(string Paragraph, MatrixRowProblem Problem, string Reason);

public enum MatrixRowProblem
{
    NoParagraphNumber,
    NoText,
    NoRecommendingState,
    PositionUnreadable,
    DuplicateParagraph,
    DuplicateRecommendation,
    TooLong,
}

/// <summary>What the document says of the review; any part may be missing.</summary>
public sealed record MatrixReview(string? State, int? Session, int? Cycle);

public sealed record MatrixDocument(MatrixReview Review, IReadOnlyList<MatrixRow> Rows, IReadOnlyList<MatrixRefusal> Refused);

public enum MatrixProblem
{
    NotAWordFile,
    NoRecommendationTable,
    StateMissing,
    StateUnknown,
    SessionUnknown,
    CycleUnknown,
    OptionContradictsDocument,
    FileTooLarge,
}

/// <summary>Where the State under Review, the session or the cycle came from.</summary>
public enum ReviewOrigin
{
    Document,
    FileName,
    Option,
    Session,
}
