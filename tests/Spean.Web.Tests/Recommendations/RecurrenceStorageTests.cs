using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Pledges;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>Pledges and recurrence on each database provider, with small imports rather than the 35k shipped rows.</summary>
public abstract class RecurrenceStorageTests(SpeanApp app)
{
    [Fact]
    public async Task Shipped_pledges_import_once_and_a_State_lists_its_own_with_their_issues()
    {
        var first = await ImportPledgesAsync();
        var again = await ImportPledgesAsync();

        // Two of Yemen's session-5 pledges appear twice in the file.
        Assert.Equal((945, 2), (first.Created + first.Unchanged, first.Rejected.Count));
        Assert.All(first.Rejected, r => Assert.Contains("same pledge as line", r.Reason));
        Assert.Equal((0, 945), (again.Created, again.Unchanged));
        var cambodia = (await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/KHM/pledges")).EnumerateArray().ToList();
        Assert.Equal(7, cambodia.Count);
        var land = cambodia.Single(p => p.GetProperty("text").GetString()!.Contains("reform land management", StringComparison.Ordinal));
        Assert.Equal(["Development", "Environment", "Poverty", "Right to food", "Right to land"],
            land.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal((18, 2, 4), (land.GetProperty("session").GetInt32(), land.GetProperty("cycle").GetInt32(), land.GetProperty("actionCategory").GetInt32()));
    }

    [Fact]
    public async Task A_recommendation_made_again_in_the_next_cycle_is_found_with_the_response_then()
    {
        var tag = Guid.NewGuid().ToString("N");
        var earlier = Row($"Establish a national human rights institution in line with the Paris Principles {tag}", "Supported", 6, 1);
        var later = Row($"Establish without delay an independent national human rights institution according to the Paris Principles {tag}", "Noted", 18, 2);
        await app.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>().ImportAsync(new UprInfoFile([earlier, later], [])));
        var laterId = (await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/LAO/recurrence"))
            .GetProperty("recommenders").EnumerateArray().Single().GetProperty("repeats").EnumerateArray().Single()
            .GetProperty("later").GetProperty("id").GetGuid();

        var detail = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations/{laterId}");

        var before = detail.GetProperty("recommendedBefore").EnumerateArray().Single().GetProperty("recommendation");
        Assert.Equal((earlier.Text, "Supported", 6), (before.GetProperty("text").GetString(), before.GetProperty("response").GetString(),
            before.GetProperty("session").GetInt32()));
    }

    private static UprInfoRow Row(string text, string response, int session, int cycle) =>
        new(2, "Laos", text, "Thailand", response, 4, ["NHRI"], session, cycle, "Asia", "Asia", ["ASEAN"], ["ASEAN"]);

    private Task<PledgeImportReport> ImportPledgesAsync() =>
        app.WithScopeAsync(s => s.GetRequiredService<VoluntaryPledgeImporter>().ImportAsync(VoluntaryPledgeImporter.ShippedFile));
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteRecurrenceStorageTests(SqliteApp app) : RecurrenceStorageTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresRecurrenceStorageTests(PostgresApp app) : RecurrenceStorageTests(app);
