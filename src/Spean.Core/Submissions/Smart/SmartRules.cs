using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Recurrence;

namespace Spean.Core.Submissions.Smart;

/// <summary>
/// The five checks of one draft, from its text, the predicted action category and the earlier recommendations it
/// repeats. Pure: the same inputs give the same verdicts, which is what the labelled set measures.
/// </summary>
internal static partial class SmartRules
{
    private const int MaxEvidence = 5;

    public static SmartCheckReport Check(
        SmartLexicon lexicon, string text, SmartLanguage language, ActionCategoryPrediction? englishPrediction,
        IReadOnlyList<SimilarRecommendation> earlier)
    {
        var words = SmartWords.Of(text, lexicon.Segmenter);
        var lists = lexicon.For(language);
        var (category, action) = language == SmartLanguage.Km ? KhmerAction(lexicon, words) : EnglishAction(englishPrediction, text);
        var checks = new List<SmartCheckResult>
        {
            action,
            Found(SmartCheckName.MeasurableObject, words, lists.Measurable, null, SmartAdvice.MeasurableFound, SmartAdvice.AddMeasurableObject),
            Found(SmartCheckName.TimeFrame, words, lists.TimeFrames, lists.VagueTime, SmartAdvice.TimeFrameFound, SmartAdvice.AddTimeFrame, SmartAdvice.MakeTimeFrameExplicit),
            Found(SmartCheckName.ResponsibleBody, words, lists.Bodies, lists.GeneralBodies, SmartAdvice.BodyNamed, SmartAdvice.AddResponsibleBody, SmartAdvice.NameTheBody),
            Recommended(text, language, earlier),
        };
        var listed = earlier.Select(s => new SmartEarlier(s.Recommendation.Id, s.Recommendation.Text, s.Recommendation.Session,
            s.Recommendation.Cycle, s.Recommendation.Response, s.Similarity)).ToList();
        return new SmartCheckReport(category, checks, listed);
    }

    public static SmartVerdict VerdictOfCategory(int category) => category switch
    {
        5 => SmartVerdict.Pass,
        4 => SmartVerdict.Warn,
        _ => SmartVerdict.Fail,
    };

    private static (int?, SmartCheckResult) EnglishAction(ActionCategoryPrediction? prediction, string text)
    {
        if (prediction is null)
            return (null, new SmartCheckResult(SmartCheckName.ActionCategory, SmartVerdict.Warn, [], SmartAdvice.ModelStillLearning));
        if (prediction.Category is 3 or 4 && SpecificLeadingAct(text) is { } act)
            prediction = new ActionCategoryPrediction(5, prediction.Confidence, [act]);
        return (prediction.Category, new SmartCheckResult(SmartCheckName.ActionCategory, VerdictOfCategory(prediction.Category),
            prediction.DecisiveWords, AdviceOfCategory(prediction.Category)));
    }

    /// <summary>The model learnt English only; a Khmer draft is told by its first listed verb, as UPR Info reads the main verb.</summary>
    private static (int?, SmartCheckResult) KhmerAction(SmartLexicon lexicon, SmartWords words)
    {
        var first = lexicon.KhmerVerbs
            .SelectMany((list, i) => list.Matches(words).Select(m => (Category: i + 1, Match: m)))
            .OrderBy(v => v.Match.Start).ThenByDescending(v => v.Match.End)
            .Select(v => ((int Category, SmartMatch Match)?)v)
            .FirstOrDefault();
        if (first is not { } verb)
            return (null, new SmartCheckResult(SmartCheckName.ActionCategory, SmartVerdict.Warn, [], SmartAdvice.ActionNotRecognised));
        return (verb.Category, new SmartCheckResult(SmartCheckName.ActionCategory, VerdictOfCategory(verb.Category),
            [SmartWordList.Words(words, verb.Match)], AdviceOfCategory(verb.Category)));
    }

    /// <summary>
    /// Two openings the model reads by their first verb although they ask for a specific act: "Take the necessary steps to
    /// ratify …" and a run of verbs such as "Review, amend and repeal …". Either names its specific verb (UPR Info's list).
    /// </summary>
    internal static string? SpecificLeadingAct(string text)
    {
        var words = LeadingWords().Matches(text).Take(12).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count < 2) return null;
        if (words[0] is "take" or "undertake")
        {
            var means = words.FindIndex(1, Math.Min(5, words.Count - 1), w => w is "steps" or "measures" or "action" or "actions");
            var to = means < 0 ? -1 : words.FindIndex(means, Math.Min(3, words.Count - means), w => w == "to");
            if (to >= 0 && to + 1 < words.Count && ActionVerbs.PublishedCategory(words[to + 1]) == 5)
                return $"{words[0]} … {words[means]} to {words[to + 1]}";
            return null;
        }
        var run = words.TakeWhile(w => w == "and" || ActionVerbs.PublishedCategory(w) is not null).ToList();
        var verbs = run.Where(w => w != "and").ToList();
        return verbs.Count >= 2 && run.Contains("and") && verbs.Skip(1).Any(v => ActionVerbs.PublishedCategory(v) == 5) ? string.Join(' ', run) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}+")]
    private static partial System.Text.RegularExpressions.Regex LeadingWords();

    private static SmartAdvice AdviceOfCategory(int category) => category switch
    {
        5 => SmartAdvice.SpecificAction,
        4 => SmartAdvice.GeneralAction,
        _ => SmartAdvice.WeakAction,
    };

    private static SmartCheckResult Found(
        SmartCheckName name, SmartWords words, SmartWordList pass, SmartWordList? warn, SmartAdvice found, SmartAdvice missing, SmartAdvice vague = default)
    {
        var strong = pass.Matches(words);
        if (strong.Count > 0)
            return new SmartCheckResult(name, SmartVerdict.Pass, Evidence(words, strong), found);
        var weak = warn?.Matches(words) ?? [];
        if (weak.Count > 0)
            return new SmartCheckResult(name, SmartVerdict.Warn, Evidence(words, weak), vague);
        return new SmartCheckResult(name, SmartVerdict.Fail, [], missing);
    }

    private static List<string> Evidence(SmartWords words, List<SmartMatch> matches) =>
        matches.Select(m => SmartWordList.Words(words, m)).Distinct(StringComparer.Ordinal).Take(MaxEvidence).ToList();

    /// <summary>A draft the State already accepted asks for what it owes; one it noted needs a reason it would now accept.</summary>
    private static SmartCheckResult Recommended(string text, SmartLanguage language, IReadOnlyList<SimilarRecommendation> earlier)
    {
        if (earlier.Count == 0)
            return new SmartCheckResult(SmartCheckName.AlreadyRecommended, SmartVerdict.Pass, [],
                language == SmartLanguage.Km ? SmartAdvice.NotFoundInKhmer : SmartAdvice.NotRecommendedBefore);
        var closest = earlier[0].Recommendation;
        var advice = earlier.Any(e => e.Recommendation.Response == RecommendationResponse.Supported) ? SmartAdvice.SupportedBefore : SmartAdvice.NotedBefore;
        return new SmartCheckResult(SmartCheckName.AlreadyRecommended, SmartVerdict.Warn, SharedWords(text, closest.Text), advice);
    }

    /// <summary>The draft's words whose stems the earlier recommendation shares: what made the two alike.</summary>
    private static List<string> SharedWords(string draft, string earlier)
    {
        var theirs = TextSimilarity.Stems(earlier).ToHashSet(StringComparer.Ordinal);
        return draft.Split([' ', ',', '.', ';', ':', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .Where(w => TextSimilarity.Stems(w) is [var stem] && theirs.Contains(stem))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxEvidence + 1)
            .ToList();
    }
}
