namespace Spean.Core.Data;

/// <summary>
/// Folders and files readable by the account Spean runs as and nobody else (0700 and 0600): the data folder,
/// the SQLite database, the key ring, the evidence store and backups. On Windows the folder's ACL decides.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Directory = File | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder 0700, or takes group and other access away from one that exists.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }
        if (!System.IO.Directory.Exists(path)) System.IO.Directory.CreateDirectory(path, Directory);
        else Restrict(path);
    }

    /// <summary>Creates an empty file 0600 where none is, or takes group and other access away from the one that is.</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (System.IO.File.Exists(path))
        {
            Restrict(path);
            return;
        }
        using (Create(path, FileMode.CreateNew)) { }
    }

    /// <summary>A new file, 0600 from the moment it exists, so no other account can open it before its mode is set.</summary>
    public static FileStream Create(string path, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
            // The mode applies only to a file that does not exist yet; an old file keeps its mode otherwise.
            if (mode == FileMode.Create && System.IO.File.Exists(path)) Restrict(path);
        }
        return new FileStream(path, options);
    }

    private static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0) System.IO.File.SetUnixFileMode(path, mode & ~GroupOrOther);
    }
}
