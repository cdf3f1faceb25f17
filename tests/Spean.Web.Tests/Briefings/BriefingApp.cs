using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Briefings;

/// <summary>An app over its own database with Cambodia's shipped recommendations of cycles 1 and 2 imported once.</summary>
public abstract class BriefingApp : SpeanApp, IAsyncLifetime
{
    public async Task InitializeAsync() => await WithScopeAsync(async services =>
    {
        var file = UprInfoCsv.Read(Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_cambodia_cycles_1-2.csv"));
        await services.GetRequiredService<RecommendationImporter>().ImportAsync(file);
    });

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>The id of Cambodia's recommendation whose text starts so, made by the given State or, with <paramref name="notBy"/>, by another.</summary>
    public Task<Guid> RecommendationAsync(string start, string? by = null, string? notBy = null, string? issue = null) => WithScopeAsync(services =>
    {
        var found = services.GetRequiredService<SpeanDbContext>().Recommendations.Where(r => r.StateUnderReviewIso3 == "KHM" && r.Text.StartsWith(start));
        if (by is not null) found = found.Where(r => r.RecommendingStates.Any(s => s.CountryIso3 == by));
        if (notBy is not null) found = found.Where(r => !r.RecommendingStates.Any(s => s.CountryIso3 == notBy));
        if (issue is not null) found = found.Where(r => r.Issues.Any(i => i.Issue == issue));
        return found.OrderBy(r => r.Cycle).Select(r => r.Id).FirstAsync();
    });
}

public sealed class SqliteBriefingApp : BriefingApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresBriefingApp : BriefingApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
