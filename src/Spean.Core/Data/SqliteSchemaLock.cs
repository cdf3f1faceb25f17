using Microsoft.EntityFrameworkCore;

namespace Spean.Core.Data;

/// <summary>
/// EF Core keeps SQLite migrations apart with a row in "__EFMigrationsLock", taken at every start (the web app's and
/// each CLI command's), and waits for it to go without end. A process killed while it held the row left it behind, and
/// every later start hung. A file lock held by the operating system goes with the process, however it ends: whoever
/// holds it is the only one migrating, so a row found then is a leftover and can go.
/// </summary>
internal static class SqliteSchemaLock
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    /// <summary>The lock beside the database file, once no other Spean process holds it; null when there is no file.</summary>
    public static async Task<FileStream?> AcquireAsync(string? databaseFile, CancellationToken cancellationToken)
    {
        if (databaseFile is null) return null;
        var path = databaseFile + ".migration-lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly.File;
        while (true)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another start is migrating now; it lets go when it is done or when it dies.
                await Task.Delay(Retry, cancellationToken);
            }
        }
    }

    public static async Task RemoveLeftoverAsync(SpeanDbContext db, CancellationToken cancellationToken)
    {
        var tables = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync(cancellationToken);
        if (tables > 0) await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken);
    }
}
