using System.Globalization;
using CsvHelper;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Recurrence;
using Xunit.Abstractions;

namespace Spean.Core.Submissions.Smart.Tests;

/// <summary>
/// The check's verdicts on the 100 labelled recommendations of data/smart/labelled.csv (see LABELLING.md), compared with
/// the labels. The action model is trained without the labelled texts, and each recommendation is compared only with what
/// its State was recommended in earlier sessions, so the check sees each as a draft it has never seen.
/// </summary>
public sealed class SmartAgreementFixture
{
    public SmartAgreementFixture()
    {
        var lexicon = SmartLexicon.LoadShipped();
        var rows = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
        var labelled = Labelled.Read(Path.Combine(SmartLexicon.ShippedFolder, "labelled.csv"));
        var texts = labelled.Select(l => l.Text).ToHashSet(StringComparer.Ordinal);
        var model = ActionCategoryModel.Train(ActionCategoryModel.Examples(rows.Where(r => !texts.Contains(r.Text))));
        var byState = rows.ToLookup(r => r.StateUnderReview, StringComparer.Ordinal);

        Results = labelled.Select(l =>
        {
            var earlier = byState[l.State].Where(r => r.Session < l.Session).OrderBy(r => r.Session)
                .Select(r => new RecurrenceItem(Guid.NewGuid(), r.Text, r.Session, r.Cycle,
                    r.Response == "Supported" ? RecommendationResponse.Supported : RecommendationResponse.Noted, [], r.Issues))
                .ToList();
            var similar = earlier.Count == 0 ? []
                : StateRecurrence.Build(default, earlier).Resembling(l.Text, [], SmartChecker.EarlierLimit);
            return (l, SmartRules.Check(lexicon, l.Text, SmartLanguage.En, model.Predict(l.Text), similar));
        }).ToList();
    }

    public List<(Labelled Label, SmartCheckReport Report)> Results { get; }
}

public sealed record Labelled(int N, string Split, string State, int Session, string Text, IReadOnlyDictionary<SmartCheckName, SmartVerdict> Verdicts)
{
    private static readonly (SmartCheckName Name, string Column)[] Columns =
    [
        (SmartCheckName.ActionCategory, "action_category"), (SmartCheckName.MeasurableObject, "measurable_object"),
        (SmartCheckName.TimeFrame, "time_frame"), (SmartCheckName.ResponsibleBody, "responsible_body"),
        (SmartCheckName.AlreadyRecommended, "already_recommended"),
    ];

    public static List<Labelled> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var list = new List<Labelled>();
        while (csv.Read())
            list.Add(new Labelled(csv.GetField<int>("n"), csv.GetField("split")!, csv.GetField("state")!, csv.GetField<int>("session"), csv.GetField("text")!,
                Columns.ToDictionary(c => c.Name, c => Enum.Parse<SmartVerdict>(csv.GetField(c.Column)!))));
        return list;
    }
}

public sealed class SmartAgreementTests(SmartAgreementFixture fixture, ITestOutputHelper output) : IClassFixture<SmartAgreementFixture>
{
    /// <summary>
    /// Verdicts equal to the label, of 100, as measured when the rules were last changed (docs/benchmarks.md). A regression
    /// guard: a rule change that agrees with fewer labels fails here; one that agrees with more raises the figure.
    /// </summary>
    private static readonly Dictionary<SmartCheckName, int> MeasuredAgreement = new()
    {
        [SmartCheckName.ActionCategory] = 94,
        [SmartCheckName.MeasurableObject] = 82,
        [SmartCheckName.TimeFrame] = 99,
        [SmartCheckName.ResponsibleBody] = 100,
        [SmartCheckName.AlreadyRecommended] = 95,
    };

    [Fact]
    public void The_labelled_set_has_100_recommendations_60_to_tune_on_and_40_held_out()
    {
        var labels = fixture.Results.Select(r => r.Label).ToList();

        Assert.Equal(100, labels.Count);
        Assert.Equal(100, labels.Select(l => (l.State, l.Session, l.Text)).Distinct().Count());
        Assert.Equal(40, labels.Count(l => l.Split == "holdout"));
        Assert.True(labels.Count(l => l.State == "Cambodia") >= 20);
    }

    [Fact]
    public void Agreement_with_the_coordinators_labels_stays_at_least_as_measured()
    {
        output.WriteLine("check | all 100 | dev 60 | held-out 40");
        foreach (var name in Enum.GetValues<SmartCheckName>())
        {
            int Agreeing(string? split) => fixture.Results.Count(r => (split is null || r.Label.Split == split) && r.Report[name].Verdict == r.Label.Verdicts[name]);
            output.WriteLine($"{name} | {Agreeing(null)} | {Agreeing("dev")} | {Agreeing("holdout")}");
        }
        foreach (var (label, report) in fixture.Results)
            foreach (var name in Enum.GetValues<SmartCheckName>().Where(n => report[n].Verdict != label.Verdicts[n]))
                output.WriteLine($"#{label.N} {label.Split} {name}: check {report[name].Verdict} [{string.Join("; ", report[name].Evidence)}], label {label.Verdicts[name]}");

        foreach (var (name, minimum) in MeasuredAgreement)
            Assert.True(fixture.Results.Count(r => r.Report[name].Verdict == r.Label.Verdicts[name]) >= minimum, $"{name} agrees with fewer than {minimum} of 100 labels");
    }
}
