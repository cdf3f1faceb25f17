using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Spean.Cli.Tests;

/// <summary>The commands as an operator runs them, on real SQLite files. Console output is shared, so these run one at a time.</summary>
[Collection(nameof(CommandTests))]
public sealed class CommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-cli-").FullName;

    [Fact]
    public async Task Migrate_then_backup_then_restore_into_a_new_database_keeps_every_row()
    {
        var source = Path.Combine(folder, "source");
        var target = Path.Combine(folder, "target");
        var backup = Path.Combine(folder, "spean.backup");

        Assert.Equal(0, await RunAsync("migrate", "--data-dir", source));
        var admin = await RunCapturedAsync("a long enough password\n", "create-admin", "--data-dir", source,
            "--email", "admin@example.org", "--name", "Admin", "--organisation", "Network", "--password-stdin");
        Assert.True(admin.Code == 0, admin.Error);
        Assert.Equal(0, await RunAsync("backup", "--data-dir", source, "-o", backup));
        Assert.Equal(0, await RunAsync("restore", "--data-dir", target, "-i", backup, "--yes"));

        foreach (var table in new[] { "AdminUnits", "Countries", "SdgItems", "AspNetUsers", "Organisations" })
            Assert.Equal((table, Count(source, table)), (table, Count(target, table)));
        Assert.Equal(16_457, Count(target, "AdminUnits"));
    }

    [Fact]
    public async Task Create_admin_refuses_a_short_password_and_says_why()
    {
        var (code, _, error) = await RunCapturedAsync("a short\n",
            "create-admin", "--data-dir", Path.Combine(folder, "db"), "--email", "a@example.org", "--name", "A", "--password-stdin");

        Assert.Equal(1, code);
        Assert.Contains("at least 10 characters", error);
    }

    [Fact]
    public async Task Restore_of_a_missing_file_fails_with_a_clear_message()
    {
        var (code, _, error) = await RunCapturedAsync("", "restore", "--data-dir", folder, "-i", Path.Combine(folder, "nope.backup"), "--yes");

        Assert.Equal(1, code);
        Assert.Contains("no backup file", error);
    }

    [Fact]
    public async Task Segment_prints_Khmer_words_separated_by_single_spaces()
    {
        var (code, output, _) = await RunCapturedAsync("ភាពក្រីក្រនៅកម្ពុជា ២០៣០\n", "segment");

        Assert.Equal(0, code);
        Assert.Equal("ភាព ក្រីក្រ នៅ កម្ពុជា ២០៣០", output.Trim());
    }

    [Fact]
    public async Task Import_of_a_mapped_CSV_reports_each_row_and_a_second_run_changes_nothing()
    {
        var file = Path.Combine(folder, "new-cycle.csv");
        await File.WriteAllTextAsync(file, "Recommendation,State under Review,Recommending States,Session,Response\n"
            + "Guarantee the independence of the judiciary,Cambodia,\"Korea, Republic of; France\",46,Supported\n"
            + "Protect human rights defenders,Atlantis,France,46,Noted\n"
            + "Protect land rights,Cambodia,Germany,46,Noted\n");
        string[] import = ["import", "recommendations", "--data-dir", folder, "--file", file, "--map", "text=Recommendation",
            "--map", "sur=State under Review", "--map", "from=Recommending States", "--map", "session=Session", "--map", "response=Response"];

        var dryRun = await RunCapturedAsync("", [.. import, "--dry-run"]);
        var first = await RunCapturedAsync("", import);
        var second = await RunCapturedAsync("", import);

        Assert.Equal(0, first.Code);
        Assert.Contains("Dry run: would create 2, update 0, leave 0 unchanged; rejected 1.", dryRun.Output);
        Assert.Contains("Created 2, updated 0, unchanged 0, rejected 1.", first.Output);
        Assert.Contains("line 3: 'Atlantis' is not a State", first.Output);
        Assert.Contains("Created 0, updated 0, unchanged 2, rejected 1.", second.Output);
        Assert.Equal(2, Count(folder, "Recommendations"));
        Assert.Equal(3, Count(folder, "RecommendingState"));
    }

    [Fact]
    public async Task Import_names_a_mapped_column_the_file_lacks_and_the_columns_it_has()
    {
        var file = Path.Combine(folder, "other.csv");
        await File.WriteAllTextAsync(file, "Text,To,From,Session\nAdopt a law,Cambodia,France,46\n");

        var (code, _, error) = await RunCapturedAsync("", "import", "recommendations", "--data-dir", folder, "--file", file,
            "--map", "text=Recommendation", "--map", "sur=To", "--map", "from=From", "--map", "session=Session");

        Assert.Equal(1, code);
        Assert.Contains("lacks the column(s) Recommendation. Columns found: Text, To, From, Session.", error);
    }

    private static async Task<int> RunAsync(params string[] args) => (await RunCapturedAsync("", args)).Code;

    private static async Task<(int Code, string Output, string Error)> RunCapturedAsync(string input, params string[] args)
    {
        var (stdin, stdout, stderr) = (Console.In, Console.Out, Console.Error);
        var output = new StringWriter();
        var error = new StringWriter();
        Console.SetIn(new StringReader(input));
        Console.SetOut(output);
        Console.SetError(error);
        // Spectre.Console keeps the first console writer it sees unless given a new console.
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No,
        });
        AnsiConsole.Profile.Width = 200;
        try
        {
            var code = await SpeanCommands.Build().Parse(args).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(stdin);
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private static long Count(string dataDirectory, string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "spean.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
