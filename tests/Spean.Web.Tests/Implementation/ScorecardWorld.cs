using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Implementation;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Implementation;

/// <summary>
/// Cambodia's recommendations of cycles 3 and 4 in a database of their own, each with a history of assessments chosen so
/// that the assessment that counts differs between signed-in readers and visitors. Every narrative carries a marker: an
/// unpublished one must never reach a visitor.
/// </summary>
public sealed class ScorecardWorld
{
    public const string Land = "Right to land", Women = "Women's rights", Torture = "Torture and other CID treatment";
    public const string Observer = "=HYPERLINK(\"http://evil.example\") Observer";

    public Guid A { get; private set; }
    public Guid B { get; private set; }
    public Dictionary<string, Guid> Ids { get; } = [];
    public List<string> PublishedMarkers { get; } = [];
    public List<string> UnpublishedMarkers { get; } = [];

    public static async Task<ScorecardWorld> PlantAsync(SpeanApp app)
    {
        var world = new ScorecardWorld();
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var a = new Organisation { Name = "Organisation A " + Guid.NewGuid().ToString("N")[..6] };
            var b = new Organisation { Name = "Organisation B " + Guid.NewGuid().ToString("N")[..6] };
            db.Organisations.AddRange(a, b);
            (world.A, world.B) = (a.Id, b.Id);

            // R1: A says partially, the coalition says fully (both published): the coalition's counts.
            world.Add(db, "R1", 4, RecommendationResponse.Supported, [Land], ["NOR"], actionCategory: 4);
            world.Assess(db, "R1", a.Id, ImplementationStatus.PartiallyImplemented, "2026-01-10", published: true);
            world.Assess(db, "R1", a.Id, ImplementationStatus.FullyImplemented, "2026-02-01", published: true, consolidated: true,
                khmer: "ការចុះបញ្ជីដីសហគមន៍បានបញ្ចប់");
            // R2: only an unpublished assessment: not implemented inside, not yet assessed in public.
            world.Add(db, "R2", 4, RecommendationResponse.Supported, [Land, Women], ["FRA"], actionCategory: 4);
            world.Assess(db, "R2", a.Id, ImplementationStatus.NotImplemented, "2026-01-15", published: false);
            // R3: A (published, older) partially; B (unpublished, newer) not implemented.
            world.Add(db, "R3", 4, RecommendationResponse.Noted, [Torture], ["NOR", "FRA"], actionCategory: 5);
            world.Assess(db, "R3", a.Id, ImplementationStatus.PartiallyImplemented, "2025-06-01", published: true);
            world.Assess(db, "R3", b.Id, ImplementationStatus.NotImplemented, "2025-12-01", published: false);
            // R4: A's first assessment (fully) was superseded by "cannot be assessed": only the current one counts.
            world.Add(db, "R4", 4, RecommendationResponse.Supported, [], ["NOR"], actionCategory: null);
            var superseded = world.Assess(db, "R4", a.Id, ImplementationStatus.FullyImplemented, "2025-01-01", published: true);
            superseded.IsCurrent = false;
            world.Assess(db, "R4", a.Id, ImplementationStatus.CannotBeAssessed, "2025-09-01", published: true, previous: superseded.Id);
            // R5: the coalition's unpublished "not implemented" counts inside; outside, A's published "fully".
            world.Add(db, "R5", 4, RecommendationResponse.Noted, [Women], ["FRA"], actionCategory: 5, observer: true);
            world.Assess(db, "R5", a.Id, ImplementationStatus.FullyImplemented, "2025-11-01", published: true);
            world.Assess(db, "R5", a.Id, ImplementationStatus.NotImplemented, "2025-12-01", published: false, consolidated: true);
            // R6 is pending (not counted); R7 is the previous cycle's; R8 is another State's.
            world.Add(db, "R6", 4, RecommendationResponse.Pending, [Land], ["NOR"], actionCategory: 4);
            world.Add(db, "R7", 3, RecommendationResponse.Supported, [Land], ["NOR"], actionCategory: 4);
            world.Assess(db, "R7", a.Id, ImplementationStatus.FullyImplemented, "2021-01-01", published: true);
            world.Add(db, "R8", 4, RecommendationResponse.Supported, [Land], ["NOR"], actionCategory: 4, state: "LAO");
            world.Assess(db, "R8", a.Id, ImplementationStatus.NotImplemented, "2026-01-01", published: true);
            await db.SaveChangesAsync();
        });
        return world;
    }

    public static string Text(string key) => $"Recommendation {key}: guarantee the rights at stake";

    private void Add(SpeanDbContext db, string key, int cycle, RecommendationResponse response, string[] issues, string[] recommending,
        int? actionCategory, bool observer = false, string state = "KHM")
    {
        var recommendation = new Recommendation
        {
            ImportKey = Guid.NewGuid().ToString("N"), Text = Text(key), TextKm = $"អនុសាសន៍ {key}៖ ធានាសិទ្ធិ", StateUnderReviewIso3 = state,
            Session = cycle == 4 ? 46 : 32, Cycle = cycle, Response = response, ActionCategory = actionCategory, Paragraph = $"118.{Ids.Count + 1}",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        recommendation.Issues.AddRange(issues.Select(i => new RecommendationIssue { Issue = i }));
        recommendation.RecommendingStates.AddRange(recommending.Select(r => new RecommendingState { Name = r, CountryIso3 = r }));
        if (observer) recommendation.RecommendingStates.Add(new RecommendingState { Name = Observer });
        db.Recommendations.Add(recommendation);
        Ids[key] = recommendation.Id;
    }

    private Assessment Assess(SpeanDbContext db, string key, Guid organisation, ImplementationStatus status, string asOf, bool published,
        bool consolidated = false, Guid? previous = null, string? khmer = null)
    {
        var marker = $"M-{key}-{(published ? "pub" : "unpub")}-{Guid.NewGuid().ToString("N")[..8]}";
        (published ? PublishedMarkers : UnpublishedMarkers).Add(marker);
        var assessment = new Assessment
        {
            RecommendationId = Ids[key], OrganisationId = organisation, Consolidated = consolidated, Status = status,
            AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), NarrativeEn = $"{marker} in English",
            NarrativeKm = $"{khmer ?? "ការវាយតម្លៃ"} {marker}", Published = published, AuthorId = Guid.NewGuid(), Author = "Test Monitor",
            RecordedAt = DateTime.UtcNow, PreviousId = previous,
        };
        db.Assessments.Add(assessment);
        return assessment;
    }
}

/// <summary>An app over its own database with the world planted once, however many tests the class runs.</summary>
public abstract class ScorecardApp : SpeanApp, IAsyncLifetime
{
    public ScorecardWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await ScorecardWorld.PlantAsync(this);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteScorecardApp : ScorecardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresScorecardApp : ScorecardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
