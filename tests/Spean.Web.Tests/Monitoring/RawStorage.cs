using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Monitoring;

/// <summary>What an attacker who copies the database or the disk would read: the raw bytes, not what EF hands back.</summary>
internal static class RawStorage
{
    /// <summary>The SQLite file with its WAL and journal, or a pg_dump of the whole PostgreSQL database.</summary>
    public static async Task<byte[]> DatabaseBytesAsync(SpeanApp app)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            return [.. Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*").SelectMany(ReadShared)];
        }
        var pg = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var dump = new ProcessStartInfo("pg_dump", ["-h", pg.Host!, "-p", pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", pg.Username!, "-d", pg.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (pg.Password is { } password) dump.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(dump)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = await process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {error}");
        Assert.Contains("CREATE TABLE public.\"ReportPeople\"", Encoding.UTF8.GetString(output.ToArray()));
        return output.ToArray();
    }

    public static byte[] FolderBytes(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).SelectMany(ReadShared)] : [];

    public static bool Holds(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
