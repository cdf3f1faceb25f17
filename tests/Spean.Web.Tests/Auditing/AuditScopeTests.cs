using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;
using static Spean.Web.Tests.Accounts.Administrators;

namespace Spean.Web.Tests.Auditing;

/// <summary>Who reads which audit entries, on the page, in the API and in the export, and what the entries may say.</summary>
public abstract class AuditScopeTests(SpeanApp app)
{
    [Fact]
    public async Task An_organisation_administrator_reads_and_exports_only_its_own_organisations_entries()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var b = await ReportsWorld.OrganisationAsync(app, "B");
        var (monitorA, authorA) = await PersonAsync(app, Role.Member, a);
        var reportA = await ReportsWorld.FileAsync(authorA, ReportsWorld.Input("Audit scope " + Guid.NewGuid()));
        var (_, adminA) = await PersonAsync(app, Role.Administrator, a);
        var (_, adminB) = await PersonAsync(app, Role.Administrator, b);
        var (_, network) = await PersonAsync(app, Role.NetworkAdministrator, b);

        var seenByA = await EntityIdsAsync(adminA);
        var seenByB = await EntityIdsAsync(adminB);
        var seenByNetwork = await EntityIdsAsync(network);
        var csvB = await adminB.GetStringAsync("/api/v1/audit/export.csv");
        var pageB = await adminB.GetStringAsync("/admin/audit?entityType=Report");
        var pageA = await adminA.GetStringAsync("/admin/audit?entityType=Report");

        Assert.Contains(reportA.ToString(), seenByA);
        Assert.Contains(monitorA.Id.ToString(), seenByA);
        Assert.DoesNotContain(reportA.ToString(), seenByB);
        Assert.DoesNotContain(monitorA.Id.ToString(), seenByB);
        Assert.Contains(reportA.ToString(), seenByNetwork);
        Assert.DoesNotContain(reportA.ToString(), csvB);
        Assert.DoesNotContain(monitorA.Email!, csvB);
        Assert.DoesNotContain(reportA.ToString(), pageB);
        Assert.Contains(reportA.ToString(), pageA);
    }

    [Fact]
    public async Task Entries_of_no_organisation_such_as_anonymous_refusals_are_for_network_administrators_only()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var path = $"/api/v1/admin/users?probe={Guid.NewGuid():N}";
        using (await app.AnonymousClient().GetAsync(path)) { }
        var (_, adminA) = await PersonAsync(app, Role.Administrator, a);
        var (_, network) = await PersonAsync(app, Role.NetworkAdministrator, a);

        var byAdmin = await adminA.GetStringAsync("/api/v1/audit?action=Refused&pageSize=500");
        var byNetwork = await network.GetStringAsync("/api/v1/audit?action=Refused&pageSize=500");

        Assert.DoesNotContain("GET /api/v1/admin/users (not signed in)", byAdmin);
        Assert.Contains("GET /api/v1/admin/users (not signed in)", byNetwork);
    }

    [Fact]
    public async Task A_reports_title_place_category_people_and_upload_ids_never_enter_the_audit_trail()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (reader, _) = await PersonAsync(app, Role.Coordinator, a);
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var uploadId = Guid.NewGuid();
        var id = await ReportsWorld.FileAsync(author, ReportsWorld.Input("Title-" + marker, "Restricted", readers: [reader.Id],
            narrative: "Narrative-" + marker, category: "landmines", place: "130101"));
        await ReportsWorld.AddPersonAsync(author, id, "Witness-" + marker);
        using (var upload = await ReportsWorld.UploadAsync(author, id, Spean.Testing.Monitoring.SampleFiles.Jpeg(), uploadId: uploadId))
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        await ReportsWorld.MoveOkAsync(author, id, "Submitted");

        var entries = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .Where(e => e.OrganisationId == a).ToListAsync());
        var text = string.Join("\n", entries.Select(e => $"{e.EntityType} {e.Changes} {e.Detail}"));

        Assert.Contains(entries, e => e.EntityType == "Report" && e.EntityId == id.ToString());
        Assert.Contains(entries, e => e.EntityType == "ReportPerson");
        Assert.Contains(entries, e => e.EntityType == "EvidenceFile");
        var reportText = string.Join("\n", entries.Where(e => e.EntityType is "Report" or "StatusChange" or "ReportPerson" or "EvidenceFile" or "CustodyEntry").Select(e => $"{e.EntityType} {e.Changes} {e.Detail}"));
        foreach (var secret in new[] { marker, "landmines", "130101", uploadId.ToString() })
            Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(reader.Id.ToString(), reportText);
        Assert.Contains("\"Title\":{\"Old\":null,\"New\":\"(hidden)\"}", text);
        Assert.Contains("\"Confidentiality\":{\"Old\":null,\"New\":\"Restricted\"}", text);
    }

    /// <summary>The records of the newest entries the reader may see; each test class has its own database, so its own entries are the newest.</summary>
    private static async Task<List<string>> EntityIdsAsync(HttpClient reader)
    {
        var ids = new List<string>();
        foreach (var type in new[] { "Report", "SpeanUser" })
            ids.AddRange((await reader.GetJsonAsync($"/api/v1/audit?entityType={type}&pageSize=500")).GetProperty("entries").EnumerateArray()
                .Select(e => e.GetProperty("entityId").GetString()!));
        return ids;
    }
}

public sealed class SqliteAuditScopeTests(SqliteApp app) : AuditScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditScopeTests(PostgresApp app) : AuditScopeTests(app), IClassFixture<PostgresApp>;
