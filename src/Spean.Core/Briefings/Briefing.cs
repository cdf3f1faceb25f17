using Spean.Core.Implementation;
using Spean.Core.Recommendations;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Submissions;

namespace Spean.Core.Briefings;

public enum BriefingProblem
{
    MalformedCode,
    SameState,
    UnknownState,
}

public sealed record BriefingState(string Iso3, string Name, string NameKm);

/// <param name="Assessment">The assessment that counts (<see cref="CountingAssessment"/>), as the viewer may see it; null when none.</param>
public sealed record BriefedRecommendation(
    Guid Id, int Cycle, int Session, string? Paragraph, string Text, RecommendationResponse Response, IReadOnlyList<string> Issues,
    BriefedAssessment? Assessment);

/// <param name="Organisation">Who assessed it; for the coalition's (consolidated) assessment, the coordinator's organisation.</param>
public sealed record BriefedAssessment(ImplementationStatus Status, DateOnly AsOf, bool Consolidated, string Organisation);

public sealed record BriefingCycle(int Cycle, int Supported, int Noted, int Pending, IReadOnlyList<BriefedRecommendation> Recommendations);

/// <summary>One of the coalition's draft recommendations on an issue the recommending State raised, from a submission the viewer may see.</summary>
public sealed record CoalitionDraft(
    Guid SubmissionId, string Submission, SubmissionStatus Status, string Cluster, Guid ParagraphId, string Text, IReadOnlyList<string> Issues);

/// <param name="Contacts">Null when the viewer may not see the person's contact details; notes are never part of a briefing.</param>
public sealed record EmbassyPerson(Guid Id, string NameLatin, string? NameKhmer, string Title, DateOnly? Since, ContactDetails? Contacts);

/// <param name="Contacts">Null when the viewer may not see the embassy's contact details; notes are never part of a briefing.</param>
public sealed record BriefedEmbassy(Guid Id, string NameLatin, string? NameKhmer, ContactDetails? Contacts, IReadOnlyList<EmbassyPerson> People);

/// <param name="Agreed">Null when the viewer may not see it or nothing was recorded.</param>
/// <param name="Pending">Follow-ups not done yet.</param>
public sealed record BriefedEngagement(
    Guid Id, EngagementKind Kind, DateOnly Date, string Subject, string? Agreed, IReadOnlyList<FollowUpView> Pending);

/// <summary>
/// What a coalition takes to a meeting with a recommending State's embassy about a State under Review: that State's
/// recommendations by cycle and what became of them, the coalition's drafts on the same issues, the embassy's people and
/// past engagements. Everything in it is what the viewer may see anyway; nothing is counted that they may not.
/// </summary>
/// <param name="Issues">The issues of the recommending State's recommendations, most frequent first.</param>
public sealed record Briefing(
    BriefingState StateUnderReview, BriefingState Recommending, DateTime PreparedAt, IReadOnlyList<string> Issues,
    IReadOnlyList<BriefingCycle> Cycles, IReadOnlyList<CoalitionDraft> Drafts, IReadOnlyList<BriefedEmbassy> Embassies,
    IReadOnlyList<BriefedEngagement> Engagements)
{
    public int RecommendationCount => Cycles.Sum(c => c.Recommendations.Count);
}

/// <summary>The States one may pick: those under review that Spean holds recommendations to, and every country as a recommending State.</summary>
public sealed record BriefingChoices(IReadOnlyList<BriefingState> StatesUnderReview, IReadOnlyList<BriefingState> Countries);
