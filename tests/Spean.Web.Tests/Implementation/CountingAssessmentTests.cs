using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Implementation;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Implementation;

/// <summary>The assessment that counts for a recommendation, on the real database: the coalition's, else the latest.</summary>
public abstract class CountingAssessmentTests(SpeanApp app)
{
    [Fact]
    public async Task The_consolidated_one_counts_else_the_latest_current_one_and_visitors_count_only_published_ones()
    {
        var a = await OrganisationAsync(app, "A");
        var b = await OrganisationAsync(app, "B");
        var onlyOrganisations = await RecommendationAsync(app);
        var withCoalition = await RecommendationAsync(app);
        var sameDay = await RecommendationAsync(app);
        var at = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        Assessment Make(Guid recommendation, Guid organisation, ImplementationStatus status, int day, bool published, bool consolidated = false,
            bool current = true, int minute = 0) => new()
        {
            RecommendationId = recommendation, OrganisationId = organisation, Status = status, AsOf = new DateOnly(2026, 5, day),
            Published = published, Consolidated = consolidated, IsCurrent = current, AuthorId = Guid.NewGuid(), Author = "Tester",
            RecordedAt = at.AddMinutes(minute),
        };
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            db.Assessments.AddRange(
                Make(onlyOrganisations, a, ImplementationStatus.NotImplemented, 3, published: true),
                Make(onlyOrganisations, b, ImplementationStatus.PartiallyImplemented, 9, published: false),
                Make(onlyOrganisations, a, ImplementationStatus.FullyImplemented, 20, published: true, current: false),
                Make(withCoalition, a, ImplementationStatus.FullyImplemented, 25, published: true),
                Make(withCoalition, b, ImplementationStatus.CannotBeAssessed, 2, published: false, consolidated: true),
                Make(sameDay, a, ImplementationStatus.NotImplemented, 4, published: true, minute: 1),
                Make(sameDay, b, ImplementationStatus.FullyImplemented, 4, published: true, minute: 2));
            await db.SaveChangesAsync();
        });

        async Task<Dictionary<Guid, ImplementationStatus>> CountingAsync(bool publishedOnly) => await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var ids = new[] { onlyOrganisations, withCoalition, sameDay };
            var rows = await CountingAssessment.Of(db.Assessments.Where(x => ids.Contains(x.RecommendationId)), publishedOnly)
                .Select(x => new { x.RecommendationId, x.Status }).ToListAsync();
            Assert.Equal(rows.Count, rows.Select(r => r.RecommendationId).Distinct().Count());
            return rows.ToDictionary(r => r.RecommendationId, r => r.Status);
        });

        var signedIn = await CountingAsync(publishedOnly: false);
        Assert.Equal(ImplementationStatus.PartiallyImplemented, signedIn[onlyOrganisations]);
        Assert.Equal(ImplementationStatus.CannotBeAssessed, signedIn[withCoalition]);
        Assert.Equal(ImplementationStatus.FullyImplemented, signedIn[sameDay]);

        var visitors = await CountingAsync(publishedOnly: true);
        Assert.Equal(ImplementationStatus.NotImplemented, visitors[onlyOrganisations]);
        Assert.Equal(ImplementationStatus.FullyImplemented, visitors[withCoalition]);
        Assert.Equal(ImplementationStatus.FullyImplemented, visitors[sameDay]);
    }
}

public sealed class SqliteCountingAssessmentTests(SqliteApp app) : CountingAssessmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCountingAssessmentTests(PostgresApp app) : CountingAssessmentTests(app), IClassFixture<PostgresApp>;
