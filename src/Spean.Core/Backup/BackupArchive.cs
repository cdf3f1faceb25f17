using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Protection;

namespace Spean.Core.Backup;

public sealed record BackupManifest(int Format, DateTime CreatedAt, string Provider, IReadOnlyDictionary<string, int> Rows);

/// <summary>
/// A portable dump: one JSON-lines file a table in a zip, written through the EF model rather than SQL,
/// so a SQLite backup restores into PostgreSQL and back with the same rows.
/// </summary>
public sealed class BackupArchive(SpeanDbContext db, AuditActor actor, AuditTrail audit, TimeProvider clock, KeyRing keys)
{
    private const int Format = 1;
    private const int BatchSize = 2000;

    public async Task<BackupManifest> WriteAsync(Stream output, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var tables = TablesInDependencyOrder();
        var rows = new Dictionary<string, int>();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            progress?.Report(new ImportProgress(table.ClrType.Name, i, tables.Count));
            await using var writer = new StreamWriter(await zip.CreateEntry(table.ClrType.Name + ".jsonl").OpenAsync(cancellationToken));
            var count = 0;
            await foreach (var entity in Query(table).WithCancellation(cancellationToken))
            {
                var values = db.Entry(entity).Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                await writer.WriteLineAsync(JsonSerializer.Serialize(values));
                count++;
            }
            rows[table.ClrType.Name] = count;
            db.ChangeTracker.Clear();
        }
        var manifest = new BackupManifest(Format, clock.GetUtcNow().UtcDateTime, db.Database.ProviderName ?? "", rows);
        await using (var writer = new StreamWriter(await zip.CreateEntry("manifest.json").OpenAsync(cancellationToken)))
            await writer.WriteAsync(JsonSerializer.Serialize(manifest));
        progress?.Report(new ImportProgress("done", tables.Count, tables.Count));
        return manifest;
    }

    /// <summary>
    /// Replaces every row of the database with the backup's, in one transaction. Refused, with nothing changed, when the
    /// backup holds identities encrypted under a key this machine's key ring lacks: restored without it they could never
    /// be read again, and the backup would be the only copy of what they said.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(Stream input, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        var manifestEntry = zip.GetEntry("manifest.json") ?? throw new InvalidDataException("This file is not a Spean backup: it has no manifest.json.");
        BackupManifest manifest;
        await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, cancellationToken: cancellationToken)
                ?? throw new InvalidDataException("The backup's manifest is empty.");
        if (manifest.Format != Format)
            throw new InvalidDataException($"This backup has format {manifest.Format}; this version of Spean reads format {Format}.");

        var tables = TablesInDependencyOrder();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        actor.SuppressRowAudit = true;
        try
        {
            var sql = db.GetService<ISqlGenerationHelper>();
#pragma warning disable EF1002 // table names come from our own model, delimited by the provider
            foreach (var table in Enumerable.Reverse(tables))
                await db.Database.ExecuteSqlRawAsync($"DELETE FROM {sql.DelimitIdentifier(table.GetTableName()!, table.GetSchema())}", cancellationToken);
#pragma warning restore EF1002
            var usedKeys = new HashSet<uint>();
            for (var i = 0; i < tables.Count; i++)
            {
                progress?.Report(new ImportProgress(tables[i].ClrType.Name, i, tables.Count));
                await RestoreTableAsync(zip, tables[i], usedKeys, cancellationToken);
            }
            RefuseKeysTheRingLacks(usedKeys);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        await audit.RecordAsync(AuditAction.Restored,
            $"restored a backup made {manifest.CreatedAt:O} on {manifest.Provider}: {manifest.Rows.Values.Sum()} rows", cancellationToken: cancellationToken);
        progress?.Report(new ImportProgress("done", tables.Count, tables.Count));
        return manifest;
    }

    private void RefuseKeysTheRingLacks(HashSet<uint> usedKeys)
    {
        usedKeys.ExceptWith(keys.Ids);
        if (usedKeys.Count == 0) return;
        throw new InvalidDataException(
            $"Nothing was restored: the backup holds identities encrypted with key {string.Join(", ", usedKeys.Order().Select(KeyRing.Hex))}, " +
            $"which the key ring at {keys.FilePath} does not have. Copy {KeyRing.FileName} from the key backup of the installation " +
            "the backup was made on into that folder, then restore again.");
    }

    private async Task RestoreTableAsync(ZipArchive zip, IEntityType table, HashSet<uint> usedKeys, CancellationToken cancellationToken)
    {
        var encrypted = table.GetProperties().Where(p => p.IsEncrypted()).Select(p => p.Name).ToList();
        var entry = zip.GetEntry(table.ClrType.Name + ".jsonl");
        if (entry is null) return;
        using var reader = new StreamReader(await entry.OpenAsync(cancellationToken));
        var pending = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
            var entity = Activator.CreateInstance(table.ClrType, nonPublic: true)!;
            var added = db.Entry(entity);
            foreach (var property in table.GetProperties())
                if (values.TryGetValue(property.Name, out var value))
                    added.Property(property.Name).CurrentValue = value.Deserialize(property.ClrType);
            foreach (var name in encrypted)
                if (added.Property(name).CurrentValue is byte[] ciphertext && FieldCipher.KeyIdOf(ciphertext) is { } keyId)
                    usedKeys.Add(keyId);
            added.State = EntityState.Added;
            if (++pending < BatchSize) continue;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            pending = 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private IAsyncEnumerable<object> Query(IEntityType table)
    {
        var set = typeof(BackupArchive).GetMethod(nameof(QuerySet), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(table.ClrType);
        return (IAsyncEnumerable<object>)set.Invoke(this, null)!;
    }

    private IAsyncEnumerable<object> QuerySet<T>() where T : class => db.Set<T>().AsNoTracking().AsAsyncEnumerable();

    /// <summary>Principal tables before the tables that point at them, so inserts never break a foreign key.</summary>
    private List<IEntityType> TablesInDependencyOrder()
    {
        var types = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null).ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType type)
        {
            if (ordered.Contains(type) || !visiting.Add(type)) return;
            foreach (var principal in type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != type))
                Visit(principal);
            ordered.Add(type);
        }
        foreach (var type in types.OrderBy(t => t.ClrType.Name, StringComparer.Ordinal)) Visit(type);
        return ordered;
    }
}
