using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>A new cycle's file in its own column layout, through the bulk path, on each database.</summary>
public abstract class MappedImportTests(SpeanApp app)
{
    private static readonly CsvColumnMap Map = CsvColumnMap.Parse([
        "text=Recommendation", "sur=State under Review", "from=Recommending States", "session=Session", "response=Response",
        "date=Date", "issues=Issues", "sdgs=SDG", "source=Document", "paragraph=Para", "textKm=Khmer",
    ]).Value!;

    private readonly string tag = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_new_cycle_file_is_stored_whole_and_rows_that_cannot_be_stored_are_reported_with_line_and_reason()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);

        var report = await ImportAsync(File());

        Assert.Equal((3, 0, 0), (report.Created, report.Updated, report.Unchanged));
        Assert.Equal([4, 5], report.Rejected.Select(r => r.Line));
        Assert.Contains("'99.9' is not an SDG", report.Rejected[0].Reason);
        Assert.Contains("'Atlantis' is not a State", report.Rejected[1].Reason);
        var judiciary = await FindAsync($"Guarantee the independence of the judiciary {tag}");
        Assert.Equal((46, 4, RecommendationResponse.Supported), (judiciary.Session, judiciary.Cycle, judiciary.Response));
        Assert.Equal(new DateTime(2024, 5, 7, 0, 0, 0, DateTimeKind.Utc), judiciary.ReviewDate);
        Assert.Equal(DateTimeKind.Utc, judiciary.ReviewDate!.Value.Kind);
        Assert.Equal(("A/HRC/56/9", "110.45", "ធានាឯករាជ្យភាពនៃតុលាការ"), (judiciary.SourceDocument, judiciary.Paragraph, judiciary.TextKm));
        Assert.Equal(["FRA France", "KOR Korea, Republic of"], judiciary.RecommendingStates.Select(s => $"{s.CountryIso3} {s.Name}").Order());
        Assert.Equal(["Corruption", "Justice"], judiciary.Issues.Select(i => i.Issue).Order());
        Assert.Equal("16.3", judiciary.SdgTargets.Single().SdgCode);
        Assert.True(judiciary.UpdatedAt >= before && judiciary.UpdatedAt == judiciary.CreatedAt);
        var land = await FindAsync($"Protect land rights {tag}");
        Assert.Equal(["DEU", "FRA"], land.RecommendingStates.Select(s => s.CountryIso3).Order());
        Assert.Equal(RecommendationResponse.Pending, (await FindAsync($"Ratify the Optional Protocol {tag}")).Response);
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_a_correction_updates_one_row_with_one_audit_entry()
    {
        var auditBefore = await ImportAuditCountAsync();
        await ImportAsync(File());
        var landBefore = await FindAsync($"Protect land rights {tag}");

        var again = await ImportAsync(File());
        var dryRun = await ImportAsync(File(landResponse: "Supported"), dryRun: true);
        var unchangedAfterDryRun = await FindAsync($"Protect land rights {tag}");
        var corrected = await ImportAsync(File(landResponse: "Supported"));

        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 2), (dryRun.Created, dryRun.Updated, dryRun.Unchanged));
        Assert.Equal(RecommendationResponse.Noted, unchangedAfterDryRun.Response);
        Assert.Equal((0, 1, 2), (corrected.Created, corrected.Updated, corrected.Unchanged));
        var land = await FindAsync($"Protect land rights {tag}");
        Assert.Equal(RecommendationResponse.Supported, land.Response);
        Assert.True(land.UpdatedAt > landBefore.UpdatedAt);
        Assert.Equal(2, await ImportAuditCountAsync() - auditBefore);
        // Other tests share this database and may edit recommendations through the app, so look at this file's rows only.
        Assert.Equal(0, await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SpeanDbContext>();
            var ids = (await db.Recommendations.Where(r => r.Text.EndsWith(tag)).Select(r => r.Id).ToListAsync()).Select(id => id.ToString()).ToList();
            return await db.AuditEntries.CountAsync(e => e.EntityType == "Recommendation" && ids.Contains(e.EntityId!));
        }));
    }

    [Fact]
    public async Task A_dry_run_of_a_new_file_writes_nothing()
    {
        var report = await ImportAsync(File(), dryRun: true);

        Assert.Equal(3, report.Created);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Recommendations.AnyAsync(r => r.Text.EndsWith(tag))));
    }

    [Fact]
    public async Task A_first_import_into_an_empty_database_leaves_every_index_and_foreign_key_in_place()
    {
        await using SpeanApp fresh = app.Provider == DatabaseProvider.Sqlite ? new SqliteApp() : new PostgresApp();
        var before = await IndexesAndKeysAsync(fresh);

        var report = await fresh.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>().ImportAsync(UprInfoCsv.Read(RecommendationImporter.ShippedFile)));

        Assert.Equal(35_465, report.Created);
        Assert.Contains(before, index => index.Contains("\"IX_Recommendations_ImportKey\"", StringComparison.Ordinal));
        Assert.Equal(before, await IndexesAndKeysAsync(fresh));
    }

    private UprInfoFile File(string landResponse = "Noted")
    {
        var csv = "Recommendation,State under Review,Recommending States,Session,Response,Date,Issues,SDG,Document,Para,Khmer\n"
            + $"Guarantee the independence of the judiciary {tag},Cambodia,\"Korea, Republic of; France\",46,Supported,2024-05-07,\"Justice; Corruption\",16.3,A/HRC/56/9,110.45,ធានាឯករាជ្យភាពនៃតុលាការ\n"
            + $"Protect land rights {tag},Cambodia,\"France, Germany\",46,{landResponse},2024-05-07,Right to land,,A/HRC/56/9,110.46,\n"
            + $"Ratify the Convention {tag},Cambodia,Japan,46,Supported,2024-05-07,,99.9,A/HRC/56/9,110.47,\n"
            + $"Protect defenders {tag},Atlantis,Japan,46,Supported,2024-05-07,,,A/HRC/56/9,110.48,\n"
            + $"Ratify the Optional Protocol {tag},Cambodia,\"Korea, Republic of\",46,,2024-05-07,,,A/HRC/56/9,110.49,\n";
        return UprInfoCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Map);
    }

    private Task<RecommendationImportReport> ImportAsync(UprInfoFile file, bool dryRun = false) =>
        app.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>().ImportAsync(file, dryRun));

    private Task<Recommendation> FindAsync(string text) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SpeanDbContext>();
        var id = await db.Recommendations.Where(r => r.Text == text).Select(r => r.Id).SingleAsync();
        return await db.Recommendations.Include(r => r.RecommendingStates).Include(r => r.Issues).Include(r => r.SdgTargets)
            .AsSplitQuery().SingleAsync(r => r.Id == id);
    });

    private static Task<List<string>> IndexesAndKeysAsync(SpeanApp app) => app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Database
        .SqlQueryRaw<string>(app.Provider == DatabaseProvider.Sqlite
            ? "SELECT sql AS \"Value\" FROM sqlite_master WHERE type IN ('index', 'table') AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() "
              + "UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' ORDER BY 1")
        .ToListAsync());

    private Task<int> ImportAuditCountAsync() => app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
        .CountAsync(e => e.Detail != null && e.Detail.StartsWith("UPR recommendations imported")));
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteMappedImportTests(SqliteApp app) : MappedImportTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresMappedImportTests(PostgresApp app) : MappedImportTests(app);
