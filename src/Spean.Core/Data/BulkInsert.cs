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
    /// For a first load into empty tables: drops their secondary indexes (and on PostgreSQL their foreign keys,
    /// which it checks row by row) and returns the statements that put them back. Building an index or checking a
    /// key once for a million rows is several times faster than keeping it up to date row by row. Inside the current
    /// transaction, so a failed load leaves everything as it was; PostgreSQL keeps the tables locked until the commit.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DropIndexesAndForeignKeysAsync(SpeanDbContext db, Type[] entityTypes, CancellationToken cancellationToken)
    {
        var tables = entityTypes.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToList();
        var names = string.Join(", ", tables.Select((_, i) => $"@t{i}"));
        await using var read = NewCommand(db);
        read.CommandText = db.Database.IsNpgsql()
            ? $"""
               SELECT format('DROP INDEX %I.%I', schemaname, indexname), indexdef FROM pg_indexes
               WHERE schemaname = current_schema() AND tablename IN ({names}) AND indexname NOT IN (SELECT conname FROM pg_constraint)
               UNION ALL
               SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                      format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
               FROM pg_constraint WHERE contype = 'f'
                 AND conrelid IN (SELECT oid FROM pg_class WHERE relname IN ({names}) AND relnamespace = current_schema()::regnamespace)
               """
            : $"""SELECT 'DROP INDEX "' || name || '"', sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})""";
        for (var i = 0; i < tables.Count; i++)
        {
            var parameter = read.CreateParameter();
            parameter.ParameterName = $"@t{i}";
            parameter.Value = tables[i];
            read.Parameters.Add(parameter);
        }
        var drops = new List<string>();
        var restores = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                drops.Add(reader.GetString(0));
                restores.Add(reader.GetString(1));
            }
        await ExecuteAsync(db, drops, cancellationToken);
        return restores;
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
