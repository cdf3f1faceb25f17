using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.People;
using Spean.Core.Protection;
using Spean.Testing;
using Spean.Testing.Monitoring;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>
/// `spean keys rotate` over witnesses' identities and evidence files, killed and run again. Rounds follow one another on
/// the same data, as rotations do on a real installation.
/// </summary>
internal sealed class RotationCrash(int people, int files, int fileBytes) : CrashScenario
{
    private string Data => Path.Combine(Folder, "data");
    private readonly List<string> names = [];
    private readonly List<byte[]> originals = [];
    private string newestBefore = "";

    public override string Operation => string.Create(CultureInfo.InvariantCulture,
        $"key rotation ({people:N0} people, {files} evidence files of {fileBytes / 1_000_000.0:0.#} MB)");

    public override async Task SetUpAsync()
    {
        await CrashChecks.WithServicesAsync(Data, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var reportId = await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>());
            var register = services.GetRequiredService<ReportPeople>();
            for (var i = 0; i < people; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Witness {i} Sokha");
                names.Add(name);
                await register.AddAsync(reportId, new PersonDetails(PersonRole.Witness, name, $"012 {i:000 000}", "Met at the pagoda"));
            }
            var store = services.GetRequiredService<EvidenceStore>();
            for (var i = 0; i < files; i++)
            {
                var wav = Recording(fileBytes, i);
                originals.Add(wav);
                var stored = await store.StoreAsync(new EvidenceUpload(reportId, Guid.CreateVersion7(), $"interview-{i}.wav",
                    Convert.ToHexStringLower(SHA256.HashData(wav))), new MemoryStream(wav));
                if (stored.Refusal is { } refusal) throw new InvalidOperationException(refusal.Message);
            }
        });
    }

    public override Task BeforeRoundAsync(int round)
    {
        newestBefore = RingKeys()[^1];
        return Task.CompletedTask;
    }

    public override Task<Running> StartAsync(int round) =>
        Task.FromResult(Run(ChildProgram.Start(CrashChecks.Cli, ["keys", "rotate", "--data-dir", Data])));

    public override async Task<string> AfterKillAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add("after the kill: " + broken);
            return "a damaged database";
        }
        // Whatever moment the kill came at, everything must still be readable with the key ring as it is.
        await ReadEverythingAsync(failures, "after the kill");
        var ring = RingKeys();
        var (under, total) = await UnderNewestKeyAsync(ring[^1]);
        if (ring[^1] == newestBefore) return "no new key yet";
        if (under == 0) return "a new key, nothing re-encrypted yet";
        if (under < total) return "a new key, part re-encrypted";
        return ring.Count > 2 ? "everything re-encrypted, old keys not yet removed" : "the rotation complete";
    }

    public override Task RerunAsync(int round, List<string> failures) =>
        CrashChecks.RunCliAsync(failures, "the re-run rotation", "keys", "rotate", "--data-dir", Data);

    public override async Task CheckAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add(broken);
            return;
        }
        await ReadEverythingAsync(failures, "after the rotation");
        var ring = RingKeys();
        var (under, total) = await UnderNewestKeyAsync(ring[^1]);
        if (under != total) failures.Add($"{total - under} of {total} encrypted values and files are not under the current key {ring[^1]}");
        // The key just replaced stays until the next rotation (a running app may have used it a moment ago); no other.
        if (ring.Count > 2) failures.Add($"the key ring still holds {ring.Count} keys after a completed rotation");
        // A copy of the ring half-way through being replaced would keep keys the rotation removed.
        foreach (var stray in Directory.GetFiles(Path.Combine(Data, "keys")).Where(f => Path.GetFileName(f) != KeyRing.FileName))
            failures.Add($"{Path.GetFileName(stray)} is left beside the key ring");
        CrashChecks.Evidence(Data, failures, [.. originals.Select(o => o[..64])]);
        await CrashChecks.VerifyAsync(Data, failures);
    }

    /// <summary>A WAV recording of the given size, different for each <paramref name="seed"/>.</summary>
    public static byte[] Recording(int size, int seed)
    {
        var sound = new byte[Math.Max(2, size - 44) & ~1];
        new Random(seed).NextBytes(sound);
        return SampleMedia.Riff("WAVE", SampleMedia.Chunk("fmt ", [1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0]), SampleMedia.Chunk("data", sound));
    }

    private List<string> RingKeys()
    {
        var ring = new KeyRing(Path.Combine(Data, "keys"), TimeProvider.System);
        return [.. ring.Keys.Select(k => k.Id)];
    }

    /// <summary>Every witness's identity decrypts to what was written, every evidence file to its original.</summary>
    private async Task ReadEverythingAsync(List<string> failures, string when)
    {
        await CrashChecks.WithServicesAsync(Data, async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var register = services.GetRequiredService<ReportPeople>();
            var read = new List<string>();
            foreach (var person in await db.ReportPeople.AsNoTracking().ToListAsync())
            {
                try
                {
                    read.Add(register.Reveal(person).Name);
                }
                catch (CryptographicException e)
                {
                    failures.Add($"{when}: a witness's identity cannot be read: {e.Message}");
                }
            }
            if (!read.Order(StringComparer.Ordinal).SequenceEqual(names.Order(StringComparer.Ordinal)))
                failures.Add($"{when}: {read.Count} identities read back, {names.Count} written, or some differ");
            var report = await services.GetRequiredService<EvidenceVerification>().VerifyAllAsync();
            foreach (var defect in report.Defects) failures.Add($"{when}: evidence {defect.StoredName}: {defect.Problem}");
            if (report.FilesChecked != files) failures.Add($"{when}: {report.FilesChecked} evidence files, {files} uploaded");
        });
    }

    /// <summary>How many encrypted values (every encrypted column of the model) and evidence files name the key.</summary>
    private async Task<(int Under, int Total)> UnderNewestKeyAsync(string keyId)
    {
        var columns = new List<(string Table, string Column)>();
        await CrashChecks.WithServicesAsync(Data, services =>
        {
            foreach (var type in services.GetRequiredService<SpeanDbContext>().Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
                foreach (var property in type.GetProperties().Where(p => p.IsEncrypted()))
                    columns.Add((type.GetTableName()!, property.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!));
            return Task.CompletedTask;
        });
        int under = 0, total = 0;
        using (var connection = new SqliteConnection($"Data Source={CrashChecks.Database(Data)};Pooling=false"))
        {
            connection.Open();
            foreach (var (table, column) in columns)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (reader.GetValue(0) is not byte[] value || FieldCipher.KeyIdOf(value) is not { } id) continue;
                    total++;
                    if (KeyRingHex(id) == keyId) under++;
                }
            }
        }
        foreach (var file in Directory.GetFiles(Path.Combine(Data, "evidence"), "*.evidence"))
        {
            var header = new byte[12];
            await using (var stream = File.OpenRead(file)) await stream.ReadExactlyAsync(header);
            total++;
            if (KeyRingHex(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8))) == keyId) under++;
        }
        return (under, total);
    }

    private static string KeyRingHex(uint id) => id.ToString("x8", CultureInfo.InvariantCulture);
}
