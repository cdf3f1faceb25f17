using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Spean.Core.Data;

/// <summary>
/// Writes that only keep a hint, such as when a token was last used, beside a request that does not need them. On
/// SQLite, whose one writer a longer write can hold for minutes (an import by the command line), such a write waits a
/// second at most and is otherwise left for a later request, rather than failing this one after 30 s. PostgreSQL
/// locks rows, not the database, so nothing else holds these up there.
/// </summary>
public static class HintWrites
{
    public static async Task TryAsync(DatabaseFacade database, Func<Task> write)
    {
        if (!database.IsSqlite())
        {
            await write();
            return;
        }
        var timeout = database.GetCommandTimeout();
        database.SetCommandTimeout(1);
        try
        {
            await write();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            // Left for a later request: the hint is a minute's precision at best.
        }
        finally
        {
            database.SetCommandTimeout(timeout);
        }
    }
}
