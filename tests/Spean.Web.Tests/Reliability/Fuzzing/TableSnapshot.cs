using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Reliability.Fuzzing;

/// <summary>
/// Tables of the model with their row counts and a checksum of every value in them, to prove a refused request changed
/// nothing. Two things every request may write are left out, each by design: the audit trail's entries of refusals
/// (<c>AuditAction.Refused</c>, the record of who was turned away) and a token's last use.
/// </summary>
internal sealed record TableSnapshot(IReadOnlyDictionary<string, (long Rows, ulong Checksum)> Tables)
{
    public static Task<TableSnapshot> TakeAsync(SpeanApp app) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, (long, ulong)>();
        foreach (var table in TableChanges.Tables(db))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table switch
            {
                "AuditEntries" => $"SELECT * FROM \"{table}\" WHERE \"Action\" <> 'Refused'",
                _ => $"SELECT * FROM \"{table}\"",
            };
            await using var reader = await command.ExecuteReaderAsync();
            long rows = 0;
            ulong sum = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                // Order-free: rows are added, so the same rows in another order give the same checksum.
                sum += Row(reader);
            }
            result[table] = (rows, sum);
        }
        return new TableSnapshot(result);
    });

    private static ulong Row(DbDataReader reader)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.GetName(i) == "LastUsedAt") continue;
            var value = reader.IsDBNull(i) ? "\u0001null" : reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToBase64String(bytes),
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            foreach (var c in value) hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ 0xFF) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The tables whose rows or values differ, each with its counts.</summary>
    public IEnumerable<string> ChangedSince(TableSnapshot before, Func<string, bool>? unless = null) =>
        Tables.Where(t => (!before.Tables.TryGetValue(t.Key, out var was) || was != t.Value) && unless?.Invoke(t.Key) != true)
            .Select(t => $"{t.Key} ({(before.Tables.TryGetValue(t.Key, out var was) ? was.Rows : 0)} → {t.Value.Rows} rows)");
}
