using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Recurrence;

namespace Spean.Core.Submissions.Smart.Tests;

public sealed class SmartLexiconFixture
{
    public SmartLexicon Lexicon { get; } = SmartLexicon.LoadShipped();
}

/// <summary>The rule-based checks, with the action category given as the model would give it.</summary>
public sealed class SmartRulesTests(SmartLexiconFixture fixture) : IClassFixture<SmartLexiconFixture>
{
    private static readonly ActionCategoryPrediction Ratify = new(5, 0.9, ["ratify"]);

    private SmartCheckReport Check(string text, SmartLanguage language = SmartLanguage.En, ActionCategoryPrediction? prediction = null,
        IReadOnlyList<SimilarRecommendation>? earlier = null) =>
        SmartRules.Check(fixture.Lexicon, text, language, prediction ?? Ratify, earlier ?? []);

    [Fact]
    public void A_specific_timed_addressed_recommendation_passes_every_check_and_names_its_words()
    {
        var report = Check("Ratify the Optional Protocol to the Convention against Torture by 2027 and have the Ministry of Interior report on it");

        Assert.All(report.Checks, c => Assert.Equal(SmartVerdict.Pass, c.Verdict));
        Assert.Contains("optional protocol", report[SmartCheckName.MeasurableObject].Evidence);
        Assert.Equal(["by 2027"], report[SmartCheckName.TimeFrame].Evidence);
        Assert.Contains("ministry of interior", report[SmartCheckName.ResponsibleBody].Evidence);
        Assert.Equal(["ratify"], report[SmartCheckName.ActionCategory].Evidence);
    }

    [Theory]
    [InlineData("Adopt the draft law on access to information within two years", "within two years")]
    [InlineData("Adopt the draft law on access to information before the next review", "before the next review")]
    [InlineData("Adopt the draft law on access to information within 18 months", "within 18 months")]
    public void Time_frames_in_words_and_digits_pass(string text, string words)
    {
        var check = Check(text)[SmartCheckName.TimeFrame];

        Assert.Equal((SmartVerdict.Pass, SmartAdvice.TimeFrameFound), (check.Verdict, check.Advice));
        Assert.Equal([words], check.Evidence);
    }

    [Fact]
    public void Urgency_without_a_date_is_a_warning_and_no_time_at_all_fails()
    {
        var urgent = Check("Release all detained journalists without delay")[SmartCheckName.TimeFrame];
        var none = Check("Release all detained journalists")[SmartCheckName.TimeFrame];

        Assert.Equal((SmartVerdict.Warn, SmartAdvice.MakeTimeFrameExplicit, "without delay"), (urgent.Verdict, urgent.Advice, urgent.Evidence.Single()));
        Assert.Equal((SmartVerdict.Fail, SmartAdvice.AddTimeFrame), (none.Verdict, none.Advice));
        Assert.Empty(none.Evidence);
    }

    [Fact]
    public void The_Government_is_a_warning_a_named_body_passes_and_none_fails()
    {
        Assert.Equal(SmartVerdict.Warn, Check("The Government should ensure freedom of expression")[SmartCheckName.ResponsibleBody].Verdict);
        Assert.Equal(SmartVerdict.Pass, Check("Ensure that the National Assembly passes the law")[SmartCheckName.ResponsibleBody].Verdict);
        var none = Check("Ensure freedom of expression")[SmartCheckName.ResponsibleBody];
        Assert.Equal((SmartVerdict.Fail, SmartAdvice.AddResponsibleBody), (none.Verdict, none.Advice));
    }

    [Fact]
    public void A_vague_object_fails_the_measurable_check()
    {
        var vague = Check("Continue its efforts to promote human rights", prediction: new(2, 0.8, ["continue"]));

        Assert.Equal((SmartVerdict.Fail, SmartAdvice.AddMeasurableObject), (vague[SmartCheckName.MeasurableObject].Verdict, vague[SmartCheckName.MeasurableObject].Advice));
        Assert.Equal((SmartVerdict.Fail, SmartAdvice.WeakAction), (vague[SmartCheckName.ActionCategory].Verdict, vague[SmartCheckName.ActionCategory].Advice));
        Assert.Equal(["continue"], vague[SmartCheckName.ActionCategory].Evidence);
    }

    [Theory]
    [InlineData(1, SmartVerdict.Fail)]
    [InlineData(2, SmartVerdict.Fail)]
    [InlineData(3, SmartVerdict.Fail)]
    [InlineData(4, SmartVerdict.Warn)]
    [InlineData(5, SmartVerdict.Pass)]
    public void Categories_one_to_three_fail_four_warns_five_passes(int category, SmartVerdict verdict) =>
        Assert.Equal(verdict, Check("Some text", prediction: new(category, 0.5, ["x"]))[SmartCheckName.ActionCategory].Verdict);

    [Fact]
    public void Without_a_trained_model_the_category_is_a_warning_that_says_so()
    {
        var report = SmartRules.Check(fixture.Lexicon, "Ratify the Convention", SmartLanguage.En, null, []);

        Assert.Null(report.ActionCategory);
        Assert.Equal((SmartVerdict.Warn, SmartAdvice.ModelStillLearning), (report[SmartCheckName.ActionCategory].Verdict, report[SmartCheckName.ActionCategory].Advice));
    }

    [Fact]
    public void A_Khmer_draft_is_checked_through_the_segmenter_with_Khmer_words_as_evidence()
    {
        var report = Check("ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់ ត្រូវផ្តល់សំណងដល់គ្រួសារទាំងអស់ដែលត្រូវបានបណ្តេញចេញ ក្នុងរយៈពេលពីរឆ្នាំ",
            SmartLanguage.Km, prediction: null);

        Assert.Equal((SmartVerdict.Pass, "ក្រសួង"), (report[SmartCheckName.ResponsibleBody].Verdict, report[SmartCheckName.ResponsibleBody].Evidence[0]));
        Assert.Equal(SmartVerdict.Pass, report[SmartCheckName.TimeFrame].Verdict);
        Assert.Contains("ក្នុងរយៈពេល", report[SmartCheckName.TimeFrame].Evidence);
        Assert.Equal(SmartVerdict.Pass, report[SmartCheckName.MeasurableObject].Verdict);
        Assert.Equal((5, "ផ្តល់សំណង"), (report.ActionCategory, report[SmartCheckName.ActionCategory].Evidence[0]));
        Assert.Equal(SmartAdvice.NotFoundInKhmer, report[SmartCheckName.AlreadyRecommended].Advice);
    }

    [Fact]
    public void A_Khmer_draft_that_only_continues_fails_on_its_first_verb()
    {
        var report = Check("បន្តពង្រឹងការការពារសិទ្ធិមនុស្ស", SmartLanguage.Km, prediction: null);

        Assert.Equal((2, SmartVerdict.Fail, "បន្ត"), (report.ActionCategory, report[SmartCheckName.ActionCategory].Verdict, report[SmartCheckName.ActionCategory].Evidence[0]));
        Assert.Equal(SmartVerdict.Fail, report[SmartCheckName.TimeFrame].Verdict);
    }

    [Fact]
    public void A_draft_the_State_supported_before_warns_to_ask_for_implementation_and_shows_the_shared_words()
    {
        var earlier = new RecurrenceItem(Guid.NewGuid(), "Establish an independent national preventive mechanism", 6, 1, RecommendationResponse.Supported, [], []);
        var report = Check("Establish without delay an independent national preventive mechanism against torture", earlier: [new SimilarRecommendation(earlier, 0.8)]);

        var check = report[SmartCheckName.AlreadyRecommended];
        Assert.Equal((SmartVerdict.Warn, SmartAdvice.SupportedBefore), (check.Verdict, check.Advice));
        Assert.Contains("preventive", check.Evidence);
        Assert.Contains("mechanism", check.Evidence);
        Assert.DoesNotContain("torture", check.Evidence);
        Assert.Equal(6, report.Earlier.Single().Session);
    }

    [Fact]
    public void A_draft_the_State_only_noted_before_warns_differently()
    {
        var earlier = new RecurrenceItem(Guid.NewGuid(), "Abolish the death penalty", 6, 1, RecommendationResponse.Noted, [], []);

        Assert.Equal(SmartAdvice.NotedBefore, Check("Abolish the death penalty", earlier: [new SimilarRecommendation(earlier, 1)])[SmartCheckName.AlreadyRecommended].Advice);
    }

    [Theory]
    [InlineData("Take the necessary steps to ratify the Convention", "take … steps to ratify")]
    [InlineData("Review, amend and repeal its discriminatory laws", "review amend and repeal")]
    [InlineData("Consider establishing a national human rights body", null)]
    [InlineData("Take measures to improve prison conditions", null)]
    public void An_opening_that_asks_for_a_specific_act_is_named(string text, string? act) =>
        Assert.Equal(act, SmartRules.SpecificLeadingAct(text));

    [Fact]
    public void Word_list_entries_match_whole_words_only()
    {
        var list = SmartWordList.Parse(["law on", "ratif*", "by {year}", "# a comment"]);
        var words = SmartWords.Of("The flawed Lawson ratified it by 2031 and by 1999", fixture.Lexicon.Segmenter);

        Assert.Equal(3, list.Count);
        Assert.Equal(["ratified", "by 2031"], list.Matches(words).Select(m => SmartWordList.Words(words, m)));
    }
}
