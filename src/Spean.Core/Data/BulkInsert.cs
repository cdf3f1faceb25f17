using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Spean.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type without change tracking: binary COPY on PostgreSQL, one prepared
/// INSERT run row by row on SQLite. Table, columns and value conversions come from the EF model, so they follow it.
/// Runs inside the context's current transaction; writes no audit entries.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(SpeanDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
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
                await CopyAsync(npgsql, $"COPY {tableName} ({columnNames}) FROM STDIN (FORMAT BINARY)", columns, rows, cancellationToken);
            else
                await InsertRowsAsync(db, $"INSERT INTO {tableName} ({columnNames}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})",
                    columns, rows, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite: drops the secondary indexes of the entity types' tables and returns the statements that build them
    /// again. Building an index once after loading a million rows into empty tables takes a third of the time of
    /// keeping it up to date row by row. In the current transaction, so a failed load leaves them as they were.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DropSqliteIndexesAsync(SpeanDbContext db, Type[] entityTypes, CancellationToken cancellationToken)
    {
        var tables = entityTypes.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToList();
        var names = new List<string>();
        var statements = new List<string>();
        await using (var read = NewCommand(db))
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select((_, i) => $"@t{i}"))})";
            for (var i = 0; i < tables.Count; i++)
            {
                var parameter = read.CreateParameter();
                parameter.ParameterName = $"@t{i}";
                parameter.Value = tables[i];
                read.Parameters.Add(parameter);
            }
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
                statements.Add(reader.GetString(1));
            }
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        await ExecuteAsync(db, names.Select(name => $"DROP INDEX {sql.DelimitIdentifier(name)}"), cancellationToken);
        return statements;
    }

    public static async Task ExecuteAsync(SpeanDbContext db, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var sql in statements)
        {
            await using var command = NewCommand(db);
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand NewCommand(SpeanDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
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
        CancellationToken cancellationToken) where T : class
    {
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToList();
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].ProviderValue(row);
                if (value is null) await writer.WriteNullAsync(cancellationToken);
                else await writer.WriteAsync(value, types[c], cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertRowsAsync<T>(SpeanDbContext db, string insert, List<Column> columns, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        await using var command = NewCommand(db);
        command.CommandText = insert;
        for (var c = 0; c < columns.Count; c++)
            command.Parameters.Add(columns[c].Mapping.CreateParameter(command, $"@p{c}", null, nullable: true));
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
                command.Parameters[c].Value = columns[c].ProviderValue(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
