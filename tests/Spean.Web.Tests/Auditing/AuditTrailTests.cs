using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Auditing;

public abstract class AuditTrailTests(SpeanApp app)
{
    [Fact]
    public async Task Changes_are_recorded_with_who_which_fields_and_old_and_new_values()
    {
        var (admin, client) = await Accounts.Administrators.PersonAsync(app, Role.NetworkAdministrator, null);
        var name = $"Community Legal Education Center {Guid.NewGuid():N}";

        using var created = await client.PostAsJsonAsync("/api/v1/admin/organisations", new { name, nameKm = "មជ្ឈមណ្ឌលអប់រំច្បាប់សម្រាប់សហគមន៍" });
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Name == name);
            organisation.NameKm = "CLEC";
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entries = (await client.GetJsonAsync("/api/v1/audit?entityType=Organisation&pageSize=500")).GetProperty("entries").EnumerateArray().ToList();
        var creation = entries.Single(e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("changes").GetString()!.Contains(name));
        Assert.Equal(admin.Email, creation.GetProperty("userName").GetString());
        var update = entries.First(e => e.GetProperty("action").GetString() == "Updated");
        Assert.Contains("\"Old\":\"មជ្ឈមណ្ឌលអប់រំច្បាប់សម្រាប់សហគមន៍\"", System.Text.RegularExpressions.Regex.Unescape(update.GetProperty("changes").GetString()!));
        Assert.Contains("\"New\":\"CLEC\"", update.GetProperty("changes").GetString());
    }

    [Fact]
    public async Task Passwords_and_token_secrets_never_reach_the_audit_trail()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "a password nobody may read");
        await app.ClientForAsync(user);

        var changes = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().AuditEntries
            .Where(e => e.EntityId == user.Id.ToString() || e.EntityType == "PersonalAccessToken")
            .Select(e => e.Changes).ToListAsync());
        var storedHash = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());

        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.DoesNotContain(storedHash!, c ?? ""));
        Assert.Contains(changes, c => c!.Contains("\"PasswordHash\":{\"Old\":null,\"New\":\"(hidden)\"}"));
    }

    [Fact]
    public async Task The_trail_is_append_only()
    {
        var attempt = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        Assert.IsType<InvalidOperationException>(attempt);
    }

    [Fact]
    public async Task Export_holds_every_matching_row_as_CSV()
    {
        var (_, client) = await Accounts.Administrators.PersonAsync(app, Role.NetworkAdministrator, null);
        var total = (await client.GetJsonAsync("/api/v1/audit?pageSize=1")).GetProperty("total").GetInt32();

        using var response = await client.GetAsync("/api/v1/audit/export.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("at,action,user", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(lines.Length - 1 >= total, $"{lines.Length - 1} CSV rows for {total} entries");
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteAuditTrailTests(SqliteApp app) : AuditTrailTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresAuditTrailTests(PostgresApp app) : AuditTrailTests(app);
