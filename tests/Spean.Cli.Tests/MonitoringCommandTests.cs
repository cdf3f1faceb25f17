using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Testing.Monitoring;
using Spean.Core.Protection;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Cli.Tests;

/// <summary>`spean keys` and `spean evidence` on a real SQLite database with a witness and a photo in it.</summary>
[Collection(nameof(CommandTests))]
public sealed class MonitoringCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-cli-").FullName;

    [Fact]
    public async Task Rotate_keeps_identities_and_evidence_readable_and_verify_fails_once_a_file_is_altered()
    {
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder)).Code);
        var (person, file) = await SeedAsync();
        var before = await CommandTests.RunCapturedAsync("", "keys", "list", "--data-dir", folder);

        var rotate = await CommandTests.RunCapturedAsync("", "keys", "rotate", "--data-dir", folder);
        var verify = await CommandTests.RunCapturedAsync("", "evidence", "verify", "--data-dir", folder);

        Assert.Equal(0, rotate.Code);
        Assert.Contains("5 fields and 1 evidence files re-encrypted", rotate.Output);
        Assert.Equal((0, "1 files checked, 0 problems."), (verify.Code, verify.Output.Trim().Split('\n')[^1].Trim()));
        Assert.DoesNotContain(await KeyMaterialAsync(), before.Output + rotate.Output);
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var stored = await db.ReportPeople.FindAsync(person);
            Assert.Equal("Sokha Chan", services.GetRequiredService<ReportPeople>().Reveal(stored!).Name);
            using var original = new MemoryStream();
            await services.GetRequiredService<EvidenceStore>().WriteOriginalAsync((await db.EvidenceFiles.FindAsync(file))!, original, CustodyAction.Verified);
            Assert.Equal("%PDF-1.7 statement of Sokha Chan"u8.ToArray(), original.ToArray());
        });

        var path = Directory.GetFiles(Path.Combine(folder, "evidence")).Single();
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[40] ^= 1;
        await File.WriteAllBytesAsync(path, bytes);
        var altered = await CommandTests.RunCapturedAsync("", "evidence", "verify", "--data-dir", folder);

        Assert.Equal(1, altered.Code);
        Assert.Contains(file.ToString(), altered.Output);
        Assert.Contains("1 files checked, 1 problems.", altered.Output);
    }

    [Fact]
    public async Task Verify_prints_each_chain_head_and_finds_an_entry_edited_in_the_database_even_with_the_plain_chain_recomputed()
    {
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder)).Code);
        var (_, file) = await SeedAsync();
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            await services.GetRequiredService<EvidenceStore>().WriteOriginalAsync((await db.EvidenceFiles.FindAsync(file))!, Stream.Null, CustodyAction.Viewed);
        });
        var intact = await CommandTests.RunCapturedAsync("", "evidence", "verify", "--data-dir", folder);
        var head = (await EntriesAsync(file))[^1].EntryHash;

        // Someone who can write to the database, but has no key file, rewrites who uploaded the file and
        // recomputes every hash after it the way an unkeyed SHA-256 chain is made.
        await RechainUnkeyedAsync(file, who: "someone else");
        var edited = await CommandTests.RunCapturedAsync("", "evidence", "verify", "--data-dir", folder);

        Assert.Equal(0, intact.Code);
        Assert.Contains($"head {file} 2 {head}", intact.Output);
        Assert.Equal(1, edited.Code);
        Assert.Contains("entry 1 (Uploaded by someone else) was changed after it was written", edited.Output);
        Assert.DoesNotContain($"head {file}", edited.Output);
    }

    [Fact]
    public async Task Chains_written_before_custody_was_keyed_are_keyed_at_the_next_start_and_then_verify()
    {
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder)).Code);
        var (_, file) = await SeedAsync();
        await RechainUnkeyedAsync(file, who: null);
        var ring = Path.Combine(folder, "keys", KeyRing.FileName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(ring))!.AsObject();
        json.Remove("CustodyKey");
        await File.WriteAllTextAsync(ring, json.ToJsonString());

        var migrate = await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder);
        var verify = await CommandTests.RunCapturedAsync("", "evidence", "verify", "--data-dir", folder);

        Assert.Equal(0, migrate.Code);
        Assert.Contains("\"CustodyKey\"", await File.ReadAllTextAsync(ring));
        Assert.True(verify.Code == 0, verify.Output);
        Assert.Contains($"head {file} 1 {(await EntriesAsync(file))[^1].EntryHash}", verify.Output);
    }

    /// <summary>Rewrites a file's chain as the unkeyed SHA-256 chain Spean wrote before custody was keyed, optionally naming another uploader.</summary>
    private async Task RechainUnkeyedAsync(Guid file, string? who)
    {
        var entries = await EntriesAsync(file);
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var previous = (await db.EvidenceFiles.FindAsync(file))!.Sha256;
            foreach (var e in entries)
            {
                var writer = e.Sequence == 1 && who is not null ? who : e.Who;
                var text = string.Join('\n', previous, e.FileId, e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Action, e.UserId,
                    writer, e.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), e.Detail);
                var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE \"CustodyEntries\" SET \"Who\" = {writer}, \"PreviousHash\" = {previous}, \"EntryHash\" = {hash} WHERE \"Id\" = {e.Id}");
                previous = hash;
            }
        });
    }

    private async Task<List<CustodyEntry>> EntriesAsync(Guid file)
    {
        List<CustodyEntry> entries = [];
        await WithServicesAsync(async services => entries = await services.GetRequiredService<SpeanDbContext>().CustodyEntries
            .AsNoTracking().Where(e => e.FileId == file).OrderBy(e => e.Sequence).ToListAsync());
        return entries;
    }

    [Fact]
    public async Task Starting_on_a_database_with_identities_but_no_key_file_stops_with_the_remedy()
    {
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder)).Code);
        await SeedAsync();
        File.Delete(Path.Combine(folder, "keys", KeyRing.FileName));

        var (code, _, error) = await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder);

        Assert.Equal(1, code);
        Assert.Contains("there is no key ring at", error);
        Assert.Contains("Restore the key file from its backup", error);
        Assert.False(File.Exists(Path.Combine(folder, "keys", KeyRing.FileName)));
    }

    [Fact]
    public async Task Restoring_identities_on_a_machine_without_their_key_is_refused_with_nothing_changed_until_the_key_file_is_copied()
    {
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", folder)).Code);
        var (person, _) = await SeedAsync();
        var backup = Path.Combine(folder, "spean.backup");
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("a backup passphrase\n", "backup", "--data-dir", folder, "-o", backup, "--passphrase-stdin")).Code);
        var target = Path.Combine(folder, "new-server");
        Assert.Equal(0, (await CommandTests.RunCapturedAsync("", "migrate", "--no-reference-data", "--data-dir", target)).Code);

        var refused = await CommandTests.RunCapturedAsync("a backup passphrase\n", "restore", "--data-dir", target, "-i", backup, "--yes", "--passphrase-stdin");

        Assert.Equal(1, refused.Code);
        Assert.Contains("Nothing was restored: the backup holds identities encrypted with key", refused.Error);
        Assert.Contains($"Copy {KeyRing.FileName} from the key backup", refused.Error);
        Assert.Equal(0, PeopleIn(target));

        File.Copy(Path.Combine(folder, "keys", KeyRing.FileName), Path.Combine(target, "keys", KeyRing.FileName), overwrite: true);
        var restored = await CommandTests.RunCapturedAsync("a backup passphrase\n", "restore", "--data-dir", target, "-i", backup, "--yes", "--passphrase-stdin");

        Assert.True(restored.Code == 0, restored.Error);
        Assert.Equal(2, PeopleIn(target));
        await WithServicesAsync(target, async services =>
        {
            var stored = await services.GetRequiredService<SpeanDbContext>().ReportPeople.FindAsync(person);
            Assert.Equal("Sokha Chan", services.GetRequiredService<ReportPeople>().Reveal(stored!).Name);
        });
    }

    private static long PeopleIn(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "spean.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"ReportPeople\"";
        return (long)command.ExecuteScalar()!;
    }

    private async Task<(Guid Person, Guid File)> SeedAsync()
    {
        var person = Guid.Empty;
        var file = Guid.Empty;
        await WithServicesAsync(async services =>
        {
            var reportId = await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>());
            person = (await services.GetRequiredService<ReportPeople>().AddAsync(reportId,
                new PersonDetails(PersonRole.Witness, "Sokha Chan", "012 345 678", "Met at the pagoda"))).Id;
            await services.GetRequiredService<ReportPeople>().AddAsync(reportId, new PersonDetails(PersonRole.Victim, "Dara"));
            var content = "%PDF-1.7 statement of Sokha Chan"u8.ToArray();
            var outcome = await services.GetRequiredService<EvidenceStore>().StoreAsync(
                new EvidenceUpload(reportId, Guid.CreateVersion7(), "statement.pdf", Convert.ToHexStringLower(SHA256.HashData(content))), new MemoryStream(content));
            Assert.Null(outcome.Refusal);
            file = outcome.Value!.File.Id;
        });
        return (person, file);
    }

    private async Task<string> KeyMaterialAsync() =>
        (await File.ReadAllTextAsync(Path.Combine(folder, "keys", KeyRing.FileName))).Split('"').First(s => s.Length == 44 && s.EndsWith('='));

    private Task WithServicesAsync(Func<IServiceProvider, Task> action) => WithServicesAsync(folder, action);

    private static async Task WithServicesAsync(string dataDirectory, Func<IServiceProvider, Task> action)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Spean:DataDirectory"] = dataDirectory }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSpeanCore(configuration).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
