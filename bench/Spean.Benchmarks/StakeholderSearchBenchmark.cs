using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Stakeholders.Register;

namespace Spean.Search.Bench;

/// <summary>
/// The stakeholder register at the size issue 15 names: 100,000 people and 20,000 organisations, names in Khmer and Latin
/// from common Cambodian family and given names (so a common prefix matches thousands), 70% Network, 20% Organisation and
/// 10% Restricted records of four organisations. A search is the list page's: matches the viewer may see, counted, first 50
/// by name. Each run is a new scope (a new DbContext), as a request is.
/// </summary>
internal static class StakeholderSearchBenchmark
{
    private const int People = 100_000, Organisations = 20_000, Rounds = 40;

    private static readonly (string Latin, string Khmer)[] Families =
    [
        ("Sok", "សុខ"), ("Chan", "ចាន់"), ("Keo", "កែវ"), ("Heng", "ហេង"), ("Chea", "ជា"), ("Kim", "គឹម"), ("Meas", "មាស"), ("Phan", "ផាន"),
        ("Ly", "លី"), ("Nget", "ង៉ែត"), ("Pich", "ពេជ្រ"), ("Seng", "សេង"), ("Touch", "ទូច"), ("Mao", "ម៉ៅ"), ("Nuon", "នួន"), ("Ros", "រស់"),
        ("Sam", "សំ"), ("Tep", "ទេព"), ("Yim", "យឹម"), ("Prak", "ប្រាក់"),
    ];

    private static readonly (string Latin, string Khmer)[] Given =
    [
        ("Dara", "ដារា"), ("Sophea", "សុភា"), ("Vanna", "វណ្ណា"), ("Sokha", "សុខា"), ("Bopha", "បុប្ផា"), ("Rith", "រិទ្ធ"), ("Sreymom", "ស្រីមុំ"),
        ("Pisey", "ពិសី"), ("Chenda", "ចិន្តា"), ("Visal", "វិសាល"), ("Kanha", "កញ្ញា"), ("Rotha", "រដ្ឋា"), ("Sovann", "សុវណ្ណ"), ("Thida", "ធីតា"),
        ("Vichet", "វិចិត្រ"), ("Maly", "ម៉ាលី"), ("Samnang", "សំណាង"), ("Kosal", "កុសល"), ("Narin", "ណារិន"), ("Leakhena", "លក្ខិណា"),
        ("Chanthou", "ចាន់ធូ"), ("Sothea", "សុធា"), ("Bunthan", "ប៊ុនថន"), ("Raksmey", "រស្មី"), ("Sopheak", "សុភ័ក្ត្រ"),
    ];

    private static readonly (string Latin, string Khmer, StakeholderKind Kind)[] Bodies =
    [
        ("Commune Council", "ក្រុមប្រឹក្សាឃុំ", StakeholderKind.CommuneCouncil), ("Agricultural Cooperative", "សហគមន៍កសិកម្ម", StakeholderKind.Cooperative),
        ("Community Forestry Group", "ក្រុមសហគមន៍ព្រៃឈើ", StakeholderKind.Cooperative), ("District Office", "ការិយាល័យស្រុក", StakeholderKind.DistrictAuthority),
        ("Provincial Department", "មន្ទីរខេត្ត", StakeholderKind.ProvincialAuthority), ("Association", "សមាគម", StakeholderKind.CivilSociety),
        ("Company", "ក្រុមហ៊ុន", StakeholderKind.Company), ("Radio", "វិទ្យុ", StakeholderKind.Media),
    ];

    private static readonly string[] Places = ["Prame", "Kuleaen", "Rovieng", "Chhaeb", "Sangkum Thmei", "Tbaeng Mean Chey", "Choam Ksant", "Boeng", "Srae", "Phnum"];

    public static async Task RunAsync(BenchDatabase database)
    {
        var clock = Stopwatch.StartNew();
        var viewer = await SeedAsync(database);
        Console.WriteLine($"{database.Provider}: seeded {People:N0} people and {Organisations:N0} organisations in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, query) in new (string, StakeholderQuery)[]
        {
            ("Latin prefix, common (sok)", new("sok")),
            ("Latin full name (chan dara)", new("chan dara")),
            ("Latin prefix, rare (chanth)", new("chanth")),
            ("Khmer prefix, common (សុខ)", new("សុខ")),
            ("Khmer full name (ចាន់ដារា)", new("ចាន់ ដារា")),
            ("organisation word (council)", new("council", People: false)),
            ("no match (zzz)", new("zzz")),
        })
        {
            // Before and after in the same run, alternating, so both see the same load.
            var before = new List<double>();
            var after = new List<double>();
            var (totalBefore, totalAfter, more) = (0, 0, false);
            for (var i = 0; i < Rounds + 3; i++)
            {
                await using (var scope = database.Services.CreateAsyncScope())
                {
                    var watch = Stopwatch.StartNew();
                    totalBefore = await CountAndSortAllAsync(scope.ServiceProvider.GetRequiredService<StakeholderRegister>(), query, viewer);
                    if (i >= 3) before.Add(watch.Elapsed.TotalMilliseconds);
                }
                await using (var scope = database.Services.CreateAsyncScope())
                {
                    var watch = Stopwatch.StartNew();
                    var results = await scope.ServiceProvider.GetRequiredService<StakeholderRegister>().SearchAsync(query, viewer);
                    (totalAfter, more) = (results.Total, results.MoreThanTotal);
                    if (i >= 3) after.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            Console.WriteLine($"{database.Provider,-10} {name,-30} before {totalBefore,7:N0} seen  {Percentiles.Summary(before)}");
            Console.WriteLine($"{database.Provider,-10} {name,-30} after  {(more ? ">" : " ")}{totalAfter,6:N0} seen  {Percentiles.Summary(after)}");
        }
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<StakeholderRegister>();
            await PrintPlanAsync(database.Provider, "the page for 'sok'", register.NameMatches(new("sok"), viewer));
            await PrintPlanAsync(database.Provider, "the capped count for 'sok'",
                register.Filter(new("sok"), viewer).Take(StakeholderRegister.CountCap + 1).Select(s => s.Id));
        }
    }

    private static async Task PrintPlanAsync<T>(DatabaseProvider provider, string what, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        var sqlite = provider == DatabaseProvider.Sqlite;
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await command.Connection!.OpenAsync();
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"{provider} plan of {what}:");
        while (await reader.ReadAsync()) Console.WriteLine($"  {reader.GetString(sqlite ? 3 : 0)}");
        await command.Connection.CloseAsync();
    }

    /// <summary>The search as it was before the count cap and the key-ordered page: every visible match counted, then sorted by name for the first page.</summary>
    private static async Task<int> CountAndSortAllAsync(StakeholderRegister register, StakeholderQuery query, Viewer viewer)
    {
        var found = register.Filter(query, viewer);
        var total = await found.CountAsync();
        await found.OrderBy(s => s.NameLatin).ThenBy(s => s.Id).Take(50).AsNoTracking().ToListAsync();
        return total;
    }

    private static async Task<Viewer> SeedAsync(BenchDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var organisations = Enumerable.Range(1, 4).Select(i => new Organisation { Name = $"Bench organisation {i}" }).ToList();
        db.Organisations.AddRange(organisations);
        var users = organisations.Select((o, i) => new SpeanUser { DisplayName = $"Bench {i}", UserName = $"bench{i}@example.org", OrganisationId = o.Id, Role = Role.Member }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var random = new Random(20261205);
        var now = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        var stakeholders = new List<Stakeholder>(People + Organisations);
        var keys = new List<StakeholderNameKey>();
        for (var i = 0; i < People + Organisations; i++)
        {
            var person = i < People;
            string latin, khmer;
            var kind = StakeholderKind.Person;
            if (person)
            {
                var (family, given) = (Families[random.Next(Families.Length)], Given[random.Next(Given.Length)]);
                (latin, khmer) = ($"{family.Latin} {given.Latin}", $"{family.Khmer} {given.Khmer}");
            }
            else
            {
                var body = Bodies[random.Next(Bodies.Length)];
                var place = Places[random.Next(Places.Length)];
                (latin, khmer, kind) = ($"{place} {body.Latin} {i}", $"{body.Khmer}{place} {i}", body.Kind);
            }
            var owner = random.Next(users.Count);
            var roll = random.Next(10);
            var stakeholder = new Stakeholder
            {
                Kind = kind, NameLatin = latin, NameKhmer = khmer, OrganisationId = organisations[owner].Id, CreatedById = users[owner].Id, UpdatedAt = now,
                Confidentiality = roll < 7 ? Confidentiality.Network : roll < 9 ? Confidentiality.Organisation : Confidentiality.Restricted,
                ReaderIds = roll == 9 ? [users[random.Next(users.Count)].Id] : [],
            };
            stakeholders.Add(stakeholder);
            keys.AddRange(NameKeys.Of(latin, khmer).Select(k => new StakeholderNameKey { StakeholderId = stakeholder.Id, Key = k }));
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, stakeholders);
            await BulkInsert.InsertAsync(db, keys);
            await transaction.CommitAsync();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return new Viewer(users[0].Id, Role.Member, organisations[0].Id);
    }
}
