using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Spean.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type without change tracking: binary COPY on PostgreSQL, a prepared
/// multi-row INSERT on SQLite. Table, columns and value conversions come from the EF model, so they follow it.
/// Runs inside the context's current transaction; writes no audit entries.
/// </summary>
internal static class BulkInsert
{
    private const int SqliteRowsPerStatement = 50;

    public static async Task InsertAsync<T>(
        SpeanDbContext db, IReadOnlyList<T> rows, Action<int>? progress = null, CancellationToken cancellationToken = default)
        where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping())).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var columnNames = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
                await CopyAsync(npgsql, $"COPY {tableName} ({columnNames}) FROM STDIN (FORMAT BINARY)", columns, rows, progress, cancellationToken);
            else
                await InsertBatchesAsync(db, $"INSERT INTO {tableName} ({columnNames}) VALUES ", columns, rows, progress, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Property.GetGetter().GetClrValue(entity);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, List<Column> columns, IReadOnlyList<T> rows,
        Action<int>? progress, CancellationToken cancellationToken) where T : class
    {
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToList();
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 10_000 == 0) progress?.Invoke(i);
            await writer.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].ProviderValue(rows[i]);
                if (value is null) await writer.WriteNullAsync(cancellationToken);
                else await writer.WriteAsync(value, types[c], cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertBatchesAsync<T>(SpeanDbContext db, string insert, List<Column> columns, IReadOnlyList<T> rows,
        Action<int>? progress, CancellationToken cancellationToken) where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var full = Prepare(db, transaction, insert, columns, SqliteRowsPerStatement);
        DbCommand? rest = null;
        for (var start = 0; start < rows.Count; start += SqliteRowsPerStatement)
        {
            if (start % 10_000 == 0) progress?.Invoke(start);
            var count = Math.Min(SqliteRowsPerStatement, rows.Count - start);
            var command = count == SqliteRowsPerStatement ? full : rest ??= Prepare(db, transaction, insert, columns, count);
            for (var r = 0; r < count; r++)
                for (var c = 0; c < columns.Count; c++)
                    command.Parameters[r * columns.Count + c].Value = columns[c].ProviderValue(rows[start + r]) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await full.DisposeAsync();
        if (rest is not null) await rest.DisposeAsync();
    }

    private static DbCommand Prepare(SpeanDbContext db, DbTransaction? transaction, string insert, List<Column> columns, int rowCount)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            var names = new List<string>(columns.Count);
            foreach (var column in columns)
            {
                var name = $"@p{command.Parameters.Count}";
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, null, nullable: true));
                names.Add(name);
            }
            values.Add($"({string.Join(", ", names)})");
        }
        command.CommandText = insert + string.Join(", ", values);
        command.Prepare();
        return command;
    }
}
