namespace Spean.Core.Submissions;

/// <summary>Why a submission, section or paragraph was not changed; pages say it from "SubmissionProblem.{Code}".</summary>
public enum SubmissionProblem
{
    NotFound,
    MayNotCreate,
    TitleRequired,
    StateUnknown,
    ReviewDatesNeeded,
    MayNotCoordinate,
    NotADraft,
    NotSent,
    OrganisationUnknown,
    AlreadySignatory,
    IndividualHasOneOrganisation,
    NotInvited,
    MayNotSign,
    LeadCannotWithdraw,
    NotSigned,
    OverLimit,
    ClusterNotFound,
    ClusterNameRequired,
    ClusterNotEmpty,
    LeadNotSignatory,
    MayNotEdit,
    MayNotComment,
    ParagraphNotFound,
    TextRequired,
    MovedOn,
    RecommendationUnknown,
    ReportUnknown,
    SourceTextRequired,
    CommentNotFound,
}

/// <summary>What a change produced, or why it was refused.</summary>
public sealed record Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}
