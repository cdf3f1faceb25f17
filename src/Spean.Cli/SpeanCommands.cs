using System.CommandLine;
using Spean.Core.Text;

namespace Spean.Cli;

/// <summary>The `spean` command line: every bulk operation the web app has, for operators and scripts.</summary>
internal static class SpeanCommands
{
    public static readonly Option<string?> Provider = new("--database-provider")
    {
        Description = "Sqlite (default) or PostgreSql; overrides Spean:DatabaseProvider.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Database connection string; overrides ConnectionStrings:Spean.",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirectory = new("--data-dir")
    {
        Description = "Folder of the SQLite database (and by default of the key ring and evidence); overrides Spean:DataDirectory.",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Spean: advocacy data for civil-society networks.");
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(DataDirectory);
        root.Subcommands.Add(DatabaseCommands.Migrate());
        root.Subcommands.Add(DatabaseCommands.Import());
        root.Subcommands.Add(ExportCommands.Export());
        root.Subcommands.Add(DatabaseCommands.Backup());
        root.Subcommands.Add(DatabaseCommands.Restore());
        root.Subcommands.Add(AccountCommands.CreateAdmin());
        root.Subcommands.Add(UserCommands.Users());
        root.Subcommands.Add(MonitoringCommands.Keys());
        root.Subcommands.Add(MonitoringCommands.Evidence());
        root.Subcommands.Add(Segment());
        root.Subcommands.Add(EvaluateCommands.Evaluate());
        return root;
    }

    private static Command Segment()
    {
        var command = new Command("segment", "Reads Khmer text on standard input and writes it with words separated by single spaces.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var segmenter = KhmerSegmenter.LoadShipped();
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
                await Console.Out.WriteLineAsync(segmenter.SegmentToSpaces(line));
            return 0;
        });
        return command;
    }
}
