using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Recurrence;
using Spean.Core.Submissions.Smart;

namespace Spean.Search.Bench;

/// <summary>
/// The SMART check of one draft as the panel asks for it while a person types: a new scope per call (as a request has),
/// Cambodia's 343 recommendations of cycles 1-2 in the database, both models trained, the State's recurrence cached after
/// the first call (as in the running app). English drafts of each verdict mix and one Khmer draft.
/// </summary>
internal static class SmartCheckBenchmark
{
    private const int Rounds = 60;

    private static readonly (string Text, SmartLanguage Language)[] Drafts =
    [
        ("Continue its efforts to improve the situation of human rights defenders", SmartLanguage.En),
        ("Adopt by 2027 a law protecting human rights defenders, drafted by the Ministry of Justice with civil society", SmartLanguage.En),
        ("Establish without delay an independent national preventive mechanism against torture", SmartLanguage.En),
        ("Take the necessary steps to ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families and the Optional Protocol to the Convention against Torture, and ensure that the Ministry of Interior reports on progress before the next review", SmartLanguage.En),
        ("ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់ ត្រូវផ្តល់សំណងដល់គ្រួសារទាំងអស់ដែលត្រូវបានបណ្តេញចេញ ក្នុងរយៈពេលពីរឆ្នាំ", SmartLanguage.Km),
    ];

    public static async Task RunAsync(BenchDatabase database, RecommendationClassifier classifier)
    {
        var clock = Stopwatch.StartNew();
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var file = UprInfoCsv.Read(Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_cambodia_cycles_1-2.csv"));
            await scope.ServiceProvider.GetRequiredService<RecommendationImporter>().ImportAsync(file);
        }
        var lexicon = SmartLexicon.LoadShipped();
        Console.WriteLine($"{database.Provider}: imported Cambodia's recommendations and loaded the word lists in {clock.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");
        var all = new List<double>();
        foreach (var (text, language) in Drafts)
        {
            var times = new List<double>();
            for (var i = 0; i < Rounds + 3; i++)
            {
                await using var scope = database.Services.CreateAsyncScope();
                var checker = new SmartChecker(lexicon, classifier, scope.ServiceProvider.GetRequiredService<RecommendationRecurrence>());
                var watch = Stopwatch.StartNew();
                await checker.CheckAsync(text, language, "KHM");
                if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            all.AddRange(times);
            Console.WriteLine($"{database.Provider,-10} {language} {text.Length,4} chars  {Percentiles.Summary(times)}");
        }
        Console.WriteLine($"{database.Provider,-10} all drafts      {Percentiles.Summary(all)}; load average {LoadAverage()}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
