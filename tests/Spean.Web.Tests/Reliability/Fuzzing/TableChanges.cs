using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Reliability.Fuzzing;

/// <summary>
/// Triggers on every table of the model that log each row inserted, updated or deleted (and, on PostgreSQL, each
/// truncate) to a table of the test's database, inside the writing transaction: a write rolled back leaves no entry.
/// Reading what was logged since the last request is one query, where checksumming every table took a quarter of a
/// second, so the fuzzer can look after every request. It leaves out what <see cref="TableSnapshot"/> leaves out: the
/// audit trail's <c>Refused</c> entries and an update of nothing but a token's <c>LastUsedAt</c>.
/// </summary>
internal static class TableChanges
{
    private const string Log = "FuzzRowWrites";

    private const string Ignored = "LastUsedAt";

    public static Task InstallAsync(SpeanApp app) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var postgres = app.Provider == DatabaseProvider.PostgreSql;
        var sql = new List<string>
        {
            postgres
                ? $"""CREATE TABLE IF NOT EXISTS "{Log}" ("Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "Table" text NOT NULL, "Write" text NOT NULL)"""
                : $"""CREATE TABLE IF NOT EXISTS "{Log}" ("Id" INTEGER PRIMARY KEY AUTOINCREMENT, "Table" TEXT NOT NULL, "Write" TEXT NOT NULL)""",
        };
        if (postgres)
            sql.Add($"""
                CREATE OR REPLACE FUNCTION fuzz_row_written() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO "{Log}" ("Table", "Write") VALUES (TG_TABLE_NAME, lower(TG_OP)); RETURN NULL; END $$
                """);
        foreach (var table in Tables(db))
        {
            var columns = await ColumnsAsync(db, table, postgres);
            var updateOf = columns.Contains(Ignored) ? " OF " + string.Join(", ", columns.Where(c => c != Ignored).Select(c => $"\"{c}\"")) : "";
            var inserted = table == "AuditEntries" ? "NEW.\"Action\" <> 'Refused'" : null;
            // SQLite's are BEFORE triggers: EF saves with RETURNING, which SQLite does not allow on a table with AFTER triggers.
            foreach (var (write, on, when) in new[] { ("insert", "INSERT", inserted), ("update", "UPDATE" + updateOf, null), ("delete", "DELETE", null) })
                sql.Add(postgres
                    ? $"""CREATE OR REPLACE TRIGGER fuzz_{write} AFTER {on} ON "{table}" FOR EACH ROW {(when is null ? "" : $"WHEN ({when}) ")}EXECUTE FUNCTION fuzz_row_written()"""
                    : $"""CREATE TRIGGER IF NOT EXISTS "fuzz_{table}_{write}" BEFORE {on} ON "{table}" {(when is null ? "" : $"WHEN {when} ")}BEGIN INSERT INTO "{Log}" ("Table", "Write") VALUES ('{table}', '{write}'); END""");
            if (postgres) sql.Add($"""CREATE OR REPLACE TRIGGER fuzz_truncate AFTER TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_row_written()""");
        }
        foreach (var statement in sql) await db.Database.ExecuteSqlRawAsync(statement);
    });

    /// <summary>The writes logged after entry <paramref name="after"/> (as "table write"), and the last entry to read after next time.</summary>
    public static Task<(long Last, IReadOnlyList<string> Writes)> SinceAsync(SpeanApp app, long after) => app.WithScopeAsync(async services =>
    {
        var connection = services.GetRequiredService<SpeanDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "Id", "Table", "Write" FROM "{Log}" WHERE "Id" > {after} ORDER BY "Id" """;
        await using var reader = await command.ExecuteReaderAsync();
        var writes = new List<string>();
        var last = after;
        while (await reader.ReadAsync())
        {
            last = reader.GetInt64(0);
            writes.Add($"{reader.GetString(1)} {reader.GetString(2)}");
        }
        return (last, (IReadOnlyList<string>)writes);
    });

    public static IEnumerable<string> Tables(SpeanDbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);

    private static async Task<List<string>> ColumnsAsync(SpeanDbContext db, string table, bool postgres)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'"
            : $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
