using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Recurrence;

namespace Spean.Core.Submissions.Smart;

/// <summary>The SMART check of a draft recommendation, for the API, the page and the panel beside each draft.</summary>
public sealed class SmartChecker(SmartLexicon lexicon, RecommendationClassifier classifier, RecommendationRecurrence recurrence)
{
    /// <summary>The same bound as the prediction: more is several recommendations pasted at once.</summary>
    public const int MaxTextLength = RecommendationClassifier.MaxTextLength;

    /// <summary>Enough to show whether and how often the State was asked this, few enough to read beside a draft.</summary>
    public const int EarlierLimit = 5;

    /// <param name="stateIso3">A State the caller has checked exists.</param>
    public async Task<SmartCheckReport> CheckAsync(string text, SmartLanguage language, string stateIso3, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        // The action model trains in seconds, the issue model in half a minute more: the check uses each once it is there.
        var action = language == SmartLanguage.En ? classifier.PredictAction(text) : null;
        var issues = language == SmartLanguage.En && classifier.Predict(text) is { } prediction ? prediction.Issues.Select(i => i.Issue).ToList() : [];
        var earlier = await recurrence.ResemblingAsync(stateIso3, text, issues, EarlierLimit, cancellationToken);
        return SmartRules.Check(lexicon, text, language, action, earlier);
    }
}
