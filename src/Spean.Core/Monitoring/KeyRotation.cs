using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Protection;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Monitoring;

/// <param name="Failures">Values or files that could not be re-encrypted (altered, or their key is missing); their keys are kept.</param>
public sealed record RotationReport(
    string NewKeyId, int FieldsReencrypted, int FilesReencrypted, IReadOnlyList<string> RemovedKeys, IReadOnlyList<string> Failures);

/// <summary>
/// `spean keys rotate`: a new current key, every encrypted field and evidence file re-encrypted with it, and
/// the keys nothing uses any more removed. The key just replaced stays until the next rotation, in case a
/// running app encrypted with it in the moment before it saw the new key ring.
/// </summary>
public sealed class KeyRotation(SpeanDbContext db, KeyRing keys, FieldCipher cipher, Accounts.UserTokenCipher tokens, EvidenceStore evidence, AuditActor actor, AuditTrail audit)
{
    private const int BatchSize = 500;

    public async Task<RotationReport> RotateAsync(CancellationToken cancellationToken = default)
    {
        var previous = keys.Current.Id;
        var newKey = keys.AddCurrentKey();
        var current = keys.Current.Id;
        var failures = new List<string>();
        var inUse = new HashSet<uint> { current, previous };
        var fields = 0;
        actor.SuppressRowAudit = true;
        try
        {
            foreach (var type in db.Model.GetEntityTypes())
            {
                var encrypted = type.GetProperties().Where(p => p.IsEncrypted()).ToList();
                if (encrypted.Count == 0) continue;
                fields += await ReencryptFieldsAsync(type, encrypted, current, inUse, failures, cancellationToken);
            }
            var (tokensChanged, tokenFailures) = await tokens.ProtectAllAsync(db, current, clearOnly: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            fields += tokensChanged;
            foreach (var (problem, keyId) in tokenFailures)
            {
                failures.Add(problem);
                inUse.Add(keyId);
            }
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }

        var files = 0;
        foreach (var file in await db.EvidenceFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken))
        {
            if (await evidence.KeyIdOfAsync(file, cancellationToken) is not { } keyId || keyId == current) continue;
            if (await evidence.ReencryptAsync(file, cancellationToken) is { } problem)
            {
                failures.Add($"evidence file {file.Id}: {problem}");
                inUse.Add(keyId);
            }
            else files++;
        }

        var unused = keys.Ids.Where(id => !inUse.Contains(id)).ToHashSet();
        keys.Remove(unused);
        var removed = unused.Select(KeyRing.Hex).ToList();
        await audit.RecordAsync(AuditAction.Updated,
            $"Key ring rotated: new key {newKey}; {fields} fields and {files} evidence files re-encrypted; keys removed: {(removed.Count == 0 ? "none" : string.Join(", ", removed))}; failures: {failures.Count}",
            cancellationToken: cancellationToken);
        return new RotationReport(newKey, fields, files, removed, failures);
    }

    private async Task<int> ReencryptFieldsAsync(
        IEntityType type, List<IProperty> properties, uint current, HashSet<uint> inUse, List<string> failures, CancellationToken cancellationToken)
    {
        var rows = (IQueryable<object>)typeof(KeyRotation).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType).Invoke(this, null)!;
        // Rows added while this runs are encrypted with the new key or the one it replaced, both kept; so a
        // snapshot of the ids is enough to reach every value under an older key.
        var ids = await rows.Select(e => EF.Property<Guid>(e, "Id")).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var slice in ids.Chunk(BatchSize))
        {
            var batch = await rows.Where(e => slice.Contains(EF.Property<Guid>(e, "Id"))).ToListAsync(cancellationToken);
            foreach (var entry in batch.Select(db.Entry))
            {
                var id = (Guid)entry.Property("Id").CurrentValue!;
                foreach (var property in properties)
                {
                    var field = entry.Property(property.Name);
                    if (field.CurrentValue is not byte[] value || FieldCipher.KeyIdOf(value) is not { } keyId || keyId == current) continue;
                    var context = FieldCipher.Context(type.ClrType.Name, property.Name, id);
                    try
                    {
                        field.CurrentValue = cipher.Encrypt(cipher.Decrypt(value, context), context);
                        count++;
                    }
                    catch (CryptographicException e)
                    {
                        failures.Add(e.Message);
                        inUse.Add(keyId);
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return count;
    }

    private DbSet<T> Rows<T>() where T : class => db.Set<T>();
}
