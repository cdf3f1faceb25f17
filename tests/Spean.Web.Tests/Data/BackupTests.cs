using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Backup;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Data;

/// <summary>Both apps at once: a backup of the SQLite database restored into a new PostgreSQL database.</summary>
[Collection(nameof(SqliteApp))]
public sealed class BackupTests(SqliteApp sqlite) : IAsyncLifetime
{
    private readonly PostgresApp postgres = new();

    [Fact]
    public async Task A_SQLite_backup_restores_into_PostgreSQL_with_the_same_rows()
    {
        var organisation = await sqlite.WithScopeAsync(s => s.GetRequiredService<UserAccounts>().FindOrCreateOrganisationAsync("Backup Org", "អង្គការបម្រុងទុក"));
        await sqlite.CreateUserAsync(Role.Coordinator, organisationId: organisation.Id);
        using var backup = new MemoryStream();
        await sqlite.WithScopeAsync(s => s.GetRequiredService<BackupArchive>().WriteAsync(backup));
        var source = await CountsAsync(sqlite);

        backup.Position = 0;
        await postgres.WithScopeAsync(s => s.GetRequiredService<BackupArchive>().RestoreAsync(backup));
        var restored = await CountsAsync(postgres);

        foreach (var (table, count) in source.Where(t => t.Key != "AuditEntries"))
            Assert.Equal((table, count), (table, restored[table]));
        Assert.Equal(source["AuditEntries"] + 1, restored["AuditEntries"]);
        var copy = await postgres.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Organisations.SingleAsync(o => o.Id == organisation.Id));
        Assert.Equal("អង្គការបម្រុងទុក", copy.NameKm);
        Assert.Equal(DateTimeKind.Utc, copy.CreatedAt.Kind);
    }

    private static Task<Dictionary<string, int>> CountsAsync(SpeanApp app) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SpeanDbContext>();
        return new Dictionary<string, int>
        {
            ["Countries"] = await db.Countries.CountAsync(),
            ["AdminUnits"] = await db.AdminUnits.CountAsync(),
            ["SdgItems"] = await db.SdgItems.CountAsync(),
            ["TreatyMemberships"] = await db.TreatyMemberships.CountAsync(),
            ["OrganisationMemberships"] = await db.OrganisationMemberships.CountAsync(),
            ["Organisations"] = await db.Organisations.CountAsync(),
            ["Users"] = await db.Users.CountAsync(),
            ["PersonalAccessTokens"] = await db.PersonalAccessTokens.CountAsync(),
            ["AuditEntries"] = await db.AuditEntries.CountAsync(),
        };
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => postgres.DisposeAsync().AsTask();
}
