using Spean.Core.Recommendations;

namespace Spean.Core.Submissions.Smart;

public enum SmartCheckName
{
    ActionCategory,
    MeasurableObject,
    TimeFrame,
    ResponsibleBody,
    AlreadyRecommended,
}

public enum SmartVerdict
{
    Pass,
    Warn,
    Fail,
}

public enum SmartLanguage
{
    En,
    Km,
}

/// <summary>What a check found and what to change; each code has a sentence in English and Khmer ("SmartAdvice.Code").</summary>
public enum SmartAdvice
{
    SpecificAction,
    GeneralAction,
    WeakAction,
    ActionNotRecognised,
    ModelStillLearning,
    MeasurableFound,
    AddMeasurableObject,
    TimeFrameFound,
    MakeTimeFrameExplicit,
    AddTimeFrame,
    BodyNamed,
    NameTheBody,
    AddResponsibleBody,
    NotRecommendedBefore,
    NotFoundInKhmer,
    SupportedBefore,
    NotedBefore,
}

/// <param name="Evidence">The words of the text (or of the earlier recommendation) that decided the verdict.</param>
public sealed record SmartCheckResult(SmartCheckName Name, SmartVerdict Verdict, IReadOnlyList<string> Evidence, SmartAdvice Advice);

/// <summary>An earlier recommendation to the same State that the draft asks again.</summary>
public sealed record SmartEarlier(Guid Id, string Text, int Session, int Cycle, RecommendationResponse Response, double Similarity);

/// <param name="ActionCategory">The predicted UPR Info action category (1-5), null when it could not be told.</param>
public sealed record SmartCheckReport(int? ActionCategory, IReadOnlyList<SmartCheckResult> Checks, IReadOnlyList<SmartEarlier> Earlier)
{
    public SmartCheckResult this[SmartCheckName name] => Checks.Single(c => c.Name == name);
}
