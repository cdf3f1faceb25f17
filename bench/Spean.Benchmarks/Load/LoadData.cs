using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Recommendations;

namespace Spean.Search.Bench.Load;

/// <summary>
/// The database the load run's app serves: reference data, the shipped recommendations (or a scaled corpus), a member
/// who signs in, a read token, and reports of two organisations' monitors at every level of confidentiality. Kept between runs
/// (the SQLite data folder, or the PostgreSQL database named after the corpus size) and filled only where it is short.
/// </summary>
internal sealed class LoadData
{
    public const string MemberEmail = "member@load.example";
    public const string OtherEmail = "monitor-b@load.example";
    public const string MemberPassword = "load-member-password";

    private LoadData(DatabaseProvider provider, string dataDirectory, string connectionString)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    public string ConnectionString { get; }

    /// <summary>Never shown to anyone: a bench database's read token, fixed so a kept database is reused without a file of secrets.</summary>
    public string Token => "spean_load-bench-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConnectionString)))[..24];

    /// <summary>The other organisation's monitor's read-write token, for the mixes that file reports.</summary>
    public string WriterToken => "spean_load-writer-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConnectionString)))[..24];

    /// <summary>Monitors in each organisation besides the member and monitor B, who write most of the reports as a team would.</summary>
    private const int MonitorsEach = 9;

    public Dictionary<string, string?> Settings => new()
    {
        ["Spean__DatabaseProvider"] = Provider.ToString(),
        ["Spean__DataDirectory"] = DataDirectory,
        ["ConnectionStrings__Spean"] = ConnectionString,
    };

    public static LoadData For(string dataDirectory, string? postgresServer, int documents)
    {
        Directory.CreateDirectory(dataDirectory);
        return postgresServer is null
            ? new(DatabaseProvider.Sqlite, dataDirectory, $"Data Source={Path.Combine(dataDirectory, "spean.db")}")
            : new(DatabaseProvider.PostgreSql, dataDirectory,
                new NpgsqlConnectionStringBuilder(postgresServer) { Database = $"spean_load_{documents}" }.ConnectionString);
    }

    public async Task FillAsync(int documents, int reports)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value)).Build();
        await using var services = new ServiceCollection().AddLogging().AddSpeanCore(configuration).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true, loadRecommendations: documents == 0);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
            if (documents > 0 && await db.Recommendations.CountAsync() < documents)
            {
                var csv = Path.Combine(Path.GetTempPath(), $"spean-load-{documents}.csv");
                ImportBenchmark.WriteCsv(UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows, documents, csv);
                Console.WriteLine($"importing {documents:N0} recommendations");
                await scope.ServiceProvider.GetRequiredService<RecommendationImporter>().ImportAsync(UprInfoCsv.Read(csv));
                File.Delete(csv);
            }
        }
        await using (var scope = services.CreateAsyncScope())
        {
            await SeedPeopleAndReportsAsync(scope.ServiceProvider, reports);
        }
    }

    private async Task SeedPeopleAndReportsAsync(IServiceProvider services, int reports)
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        services.GetRequiredService<AuditActor>().SuppressRowAudit = true;
        var member = await db.Users.FirstOrDefaultAsync(u => u.Email == MemberEmail);
        if (member is null)
        {
            var accounts = services.GetRequiredService<UserAccounts>();
            var own = await accounts.FindOrCreateOrganisationAsync("Load organisation A");
            var other = await accounts.FindOrCreateOrganisationAsync("Load organisation B");
            var writer = (await accounts.CreateUserAsync(new NewUser(OtherEmail, "Load monitor B", Role.Member, other.Id, null))).User!;
            for (int n = 1; n <= MonitorsEach; n++)
            {
                await accounts.CreateUserAsync(new NewUser($"monitor-a{n}@load.example", $"Load monitor A{n}", Role.Member, own.Id, null));
                await accounts.CreateUserAsync(new NewUser($"monitor-b{n}@load.example", $"Load monitor B{n}", Role.Member, other.Id, null));
            }
            var created = await accounts.CreateUserAsync(new NewUser(MemberEmail, "Load member", Role.Member, own.Id, MemberPassword));
            member = created.User ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
            PersonalAccessToken TokenOf(SpeanUser user, string secret, TokenScope scope) => new()
            {
                UserId = user.Id, Name = "load", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddYears(1), Scope = scope,
                TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))),
            };
            db.PersonalAccessTokens.AddRange(TokenOf(member, Token, TokenScope.Read), TokenOf(writer, WriterToken, TokenScope.ReadWrite));
            await db.SaveChangesAsync();
        }
        // Half the reports are another organisation's, and each organisation's are written by ten people, the member one
        // of them, so the member's lists are filtered as they would be and most of what they see is others' work.
        var authors = await db.Users.Where(u => u.Email!.EndsWith("@load.example"))
            .Select(u => new { u.Id, OrganisationId = u.OrganisationId!.Value }).ToListAsync();
        int have = await db.Reports.CountAsync();
        if (have >= reports) return;
        var places = await db.AdminUnits.Select(u => u.Code).OrderBy(c => c).ToListAsync();
        var random = new Random(20261206 + have);
        var levels = Enum.GetValues<Confidentiality>();
        var statuses = new[] { ReportStatus.Published, ReportStatus.Published, ReportStatus.Verified, ReportStatus.Submitted, ReportStatus.UnderReview, ReportStatus.Draft };
        var words = new[] { "land", "eviction", "forest", "river", "village", "police", "arrest", "school", "factory", "wage", "ដីធ្លី", "ព្រៃឈើ", "ភូមិ" };
        for (int start = have; start < reports; start += 1000)
        {
            for (int i = start; i < Math.Min(reports, start + 1000); i++)
            {
                var category = ReportCategories.All[random.Next(ReportCategories.All.Count)];
                var author = authors[i % authors.Count];
                db.Reports.Add(new Report
                {
                    ClientId = Guid.CreateVersion7(),
                    Title = $"{category.NameEn}: {words[random.Next(words.Length)]} report {i}",
                    Narrative = string.Join(' ', Enumerable.Range(0, 60).Select(_ => words[random.Next(words.Length)])),
                    Category = category.Code,
                    OccurredFrom = new DateOnly(2018, 1, 1).AddDays(random.Next(3000)),
                    ReportedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(-i * 37),
                    AdminUnitCode = places[random.Next(places.Count)],
                    Latitude = 10.5 + random.NextDouble() * 4, Longitude = 102.5 + random.NextDouble() * 5,
                    AffectedWomen = random.Next(20), AffectedMen = random.Next(20),
                    Confidentiality = levels[random.Next(levels.Length)],
                    Status = statuses[random.Next(statuses.Length)],
                    OrganisationId = author.OrganisationId,
                    AuthorId = author.Id,
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"seeded {reports - have:N0} reports");
    }
}
