using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Implementation;
using Spean.Core.Implementation.Midterm;
using Spean.Core.Implementation.Scorecards;
using Spean.Core.Recommendations;

namespace Spean.Search.Bench;

/// <summary>
/// A scorecard of a State with 600 recommendations and 3,000 assessments in the cycle (and as many in the cycle before,
/// which the comparison reads): each recommendation has four organisations' current assessments, one superseded, and every
/// other one a consolidated assessment. Each run is a new scope (a new DbContext), as a request is.
/// </summary>
internal static class ScorecardBenchmark
{
    private const int Recommendations = 600, Rounds = 40;
    private static readonly string[] Issues = ["Right to land", "Women's rights", "Torture and other CID treatment", "Freedom of opinion and expression", "Rights of the Child"];
    private static readonly string[] States = ["NOR", "FRA", "DEU", "JPN", "AUS", "BRA", "CAN", "SWE"];

    public static async Task RunAsync(BenchDatabase database)
    {
        var clock = Stopwatch.StartNew();
        var assessments = await SeedAsync(database);
        Console.WriteLine($"{database.Provider}: seeded {Recommendations} recommendations and {assessments} assessments per cycle (2 cycles) in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, action) in new (string, Func<IServiceProvider, Task>)[]
        {
            ("scorecard, signed in", s => s.GetRequiredService<ScorecardQuery>().ForAsync("KHM", 4, publishedOnly: false)),
            ("scorecard, public", s => s.GetRequiredService<ScorecardQuery>().ForAsync("KHM", 4, publishedOnly: true)),
            ("scorecard, by NOR", s => s.GetRequiredService<ScorecardQuery>().ForAsync("KHM", 4, publishedOnly: false, "NOR")),
            ("mid-term report (rows)", s => s.GetRequiredService<MidtermReports>().BuildAsync("KHM", 4, false, MidtermLabels.Khmer)),
            ("mid-term report (docx)", async s =>
            {
                var report = await s.GetRequiredService<MidtermReports>().BuildAsync("KHM", 4, false, MidtermLabels.Khmer);
                await MidtermDocument.WriteAsync(report!, Stream.Null, CancellationToken.None);
            }),
        })
        {
            var times = new List<double>();
            for (var i = 0; i < Rounds + 3; i++)
            {
                await using var scope = database.Services.CreateAsyncScope();
                var watch = Stopwatch.StartNew();
                await action(scope.ServiceProvider);
                if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"{database.Provider,-10} {name,-24} {Percentiles.Summary(times)}");
        }
    }

    private static async Task<int> SeedAsync(BenchDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var organisations = Enumerable.Range(1, 4).Select(i => new Organisation { Name = $"Bench organisation {i}" }).ToList();
        db.Organisations.AddRange(organisations);
        var random = new Random(20261205);
        var statuses = Enum.GetValues<ImplementationStatus>();
        var count = 0;
        foreach (var cycle in new[] { 3, 4 })
        {
            for (var i = 0; i < Recommendations; i++)
            {
                var recommendation = new Recommendation
                {
                    ImportKey = $"bench-{cycle}-{i}", Text = $"Recommendation {i} of cycle {cycle}", TextKm = $"អនុសាសន៍ទី {i}", StateUnderReviewIso3 = "KHM",
                    Session = cycle * 12, Cycle = cycle, Response = i % 4 == 0 ? RecommendationResponse.Noted : RecommendationResponse.Supported,
                    ActionCategory = 1 + i % 5, Paragraph = $"118.{i + 1}",
                };
                recommendation.Issues.AddRange(Issues.Where((_, k) => (i + k) % 3 == 0).Select(issue => new RecommendationIssue { Issue = issue }));
                recommendation.RecommendingStates.Add(new RecommendingState { Name = States[i % States.Length], CountryIso3 = States[i % States.Length] });
                db.Recommendations.Add(recommendation);
                Assessment Assess(Organisation organisation, bool consolidated, bool current) => new()
                {
                    RecommendationId = recommendation.Id, OrganisationId = organisation.Id, Consolidated = consolidated,
                    Status = statuses[random.Next(statuses.Length)], AsOf = new DateOnly(2025, 1 + random.Next(12), 1 + random.Next(28)),
                    NarrativeEn = $"Narrative {i}", NarrativeKm = "ការវាយតម្លៃដោយអង្គការ", Published = random.Next(2) == 0,
                    AuthorId = Guid.NewGuid(), Author = "Bench", RecordedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(100_000)),
                    IsCurrent = current,
                };
                db.Assessments.Add(Assess(organisations[0], false, current: false));
                foreach (var organisation in organisations.Take(3)) db.Assessments.Add(Assess(organisation, false, current: true));
                db.Assessments.Add(i % 2 == 0 ? Assess(organisations[0], true, current: true) : Assess(organisations[3], false, current: true));
                if (cycle == 4) count += 5;
            }
        }
        await db.SaveChangesAsync();
        return count;
    }
}
