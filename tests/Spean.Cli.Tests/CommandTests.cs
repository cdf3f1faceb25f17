using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Backup;
using Spean.Core.Data;
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
        Assert.Equal(0, (await RunCapturedAsync(Passphrase, "backup", "--data-dir", source, "-o", backup, "--passphrase-stdin")).Code);
        Assert.Equal(0, (await RunCapturedAsync(Passphrase, "restore", "--data-dir", target, "-i", backup, "--yes", "--passphrase-stdin")).Code);

        foreach (var table in new[] { "AdminUnits", "Countries", "SdgItems", "AspNetUsers", "Organisations" })
            Assert.Equal((table, Count(source, table)), (table, Count(target, table)));
        Assert.Equal(16_457, Count(target, "AdminUnits"));
    }

    [Fact]
    public async Task A_backup_is_encrypted_and_readable_by_its_owner_only_and_a_wrong_passphrase_restores_nothing()
    {
        var source = Path.Combine(folder, "source");
        var target = Path.Combine(folder, "target");
        var backup = Path.Combine(folder, "spean.backup");
        Assert.Equal(0, await RunAsync("migrate", "--no-reference-data", "--data-dir", source));
        Assert.Equal(0, (await RunCapturedAsync("a long enough password\n", "create-admin", "--data-dir", source,
            "--email", "backed-up@example.org", "--name", "Admin", "--organisation", "Network", "--password-stdin")).Code);
        Assert.Equal(0, await RunAsync("migrate", "--no-reference-data", "--data-dir", target));

        var unencrypted = await RunCapturedAsync("", "backup", "--data-dir", source, "-o", backup + ".plain");
        var written = await RunCapturedAsync(Passphrase, "backup", "--data-dir", source, "-o", backup, "--passphrase-stdin");
        var wrong = await RunCapturedAsync("not the passphrase at all\n", "restore", "--data-dir", target, "-i", backup, "--yes", "--passphrase-stdin");
        var none = await RunCapturedAsync("", "restore", "--data-dir", target, "-i", backup, "--yes");
        var usersAfterRefusals = Count(target, "AspNetUsers");
        var right = await RunCapturedAsync(Passphrase, "restore", "--data-dir", target, "-i", backup, "--yes", "--passphrase-stdin");

        Assert.Equal(1, unencrypted.Code);
        Assert.Contains("backups are encrypted: give --passphrase-stdin", unencrypted.Error);
        Assert.False(File.Exists(backup + ".plain"));
        Assert.True(written.Code == 0, written.Error);
        var bytes = await File.ReadAllBytesAsync(backup);
        Assert.Equal("SPEANBAK"u8.ToArray(), bytes[..8]);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("backed-up@example.org"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("manifest.json"u8));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        Assert.Equal(1, wrong.Code);
        Assert.Contains("This passphrase or key file does not open the backup", wrong.Error);
        Assert.Equal(1, none.Code);
        Assert.Contains("this backup is encrypted", none.Error);
        Assert.Equal(0, usersAfterRefusals);
        Assert.True(right.Code == 0, right.Error);
        Assert.Equal(1, Count(target, "AspNetUsers"));
    }

    [Fact]
    public async Task A_key_file_backup_restores_with_the_key_file_and_an_altered_byte_is_refused()
    {
        var source = Path.Combine(folder, "source");
        var target = Path.Combine(folder, "target");
        var backup = Path.Combine(folder, "spean.backup");
        var key = Path.Combine(folder, "spean-backup.key");
        await File.WriteAllBytesAsync(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Assert.Equal(0, await RunAsync("migrate", "--no-reference-data", "--data-dir", source));
        Assert.Equal(0, (await RunCapturedAsync("a long enough password\n", "create-admin", "--data-dir", source,
            "--email", "backed-up@example.org", "--name", "Admin", "--organisation", "Network", "--password-stdin")).Code);

        Assert.Equal(0, (await RunCapturedAsync("", "backup", "--data-dir", source, "-o", backup, "--key-file", key)).Code);
        var withPassphrase = await RunCapturedAsync(Passphrase, "restore", "--data-dir", target, "-i", backup, "--yes", "--passphrase-stdin");
        var altered = backup + ".altered";
        var bytes = await File.ReadAllBytesAsync(backup);
        bytes[^20] ^= 1;
        await File.WriteAllBytesAsync(altered, bytes);
        var alteredRestore = await RunCapturedAsync("", "restore", "--data-dir", target, "-i", altered, "--yes", "--key-file", key);
        var restored = await RunCapturedAsync("", "restore", "--data-dir", target, "-i", backup, "--yes", "--key-file", key);

        Assert.Equal(1, withPassphrase.Code);
        Assert.Contains("encrypted with a key file: give it with --key-file", withPassphrase.Error);
        Assert.Equal(1, alteredRestore.Code);
        Assert.Contains("Nothing was restored", alteredRestore.Error);
        Assert.True(restored.Code == 0, restored.Error);
        Assert.Equal(1, Count(target, "AspNetUsers"));
    }

    [Fact]
    public async Task A_backup_made_before_backups_were_encrypted_still_restores_and_says_it_is_not_encrypted()
    {
        var source = Path.Combine(folder, "source");
        var target = Path.Combine(folder, "target");
        var backup = Path.Combine(folder, "old.backup");
        Assert.Equal(0, await RunAsync("migrate", "--no-reference-data", "--data-dir", source));
        Assert.Equal(0, (await RunCapturedAsync("a long enough password\n", "create-admin", "--data-dir", source,
            "--email", "old@example.org", "--name", "Admin", "--organisation", "Network", "--password-stdin")).Code);
        // Written as `spean backup` wrote it before backups were encrypted: the zip alone.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Spean:DataDirectory"] = source }).Build();
        await using (var provider = new ServiceCollection().AddLogging().AddSpeanCore(configuration).BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
        await using (var file = File.Create(backup))
            await scope.ServiceProvider.GetRequiredService<BackupArchive>().WriteAsync(file);

        var restored = await RunCapturedAsync("", "restore", "--data-dir", target, "-i", backup, "--yes");

        Assert.True(restored.Code == 0, restored.Error);
        Assert.Contains("this backup is not encrypted", restored.Error);
        Assert.Equal(1, Count(target, "AspNetUsers"));
    }

    [Fact]
    public async Task Reading_the_database_does_not_wait_for_a_write_under_way()
    {
        var data = Path.Combine(folder, "readers");
        Assert.Equal(0, await RunAsync("migrate", "--no-reference-data", "--data-dir", data));
        SqliteConnection Open()
        {
            var connection = new SqliteConnection($"Data Source={Path.Combine(data, "spean.db")};Pooling=False;Default Timeout=1");
            connection.Open();
            return connection;
        }
        using var writer = Open();
        using var write = writer.CreateCommand();
        write.CommandText = "BEGIN EXCLUSIVE; DELETE FROM \"Countries\";";
        write.ExecuteNonQuery();

        // Without a write-ahead log, SQLite's exclusive lock for a commit keeps every reader out until it ends.
        using var reader = Open();
        using var read = reader.CreateCommand();
        read.CommandText = "SELECT COUNT(*) FROM \"Reports\"";
        Assert.Equal(0L, read.ExecuteScalar());
    }

    [Fact]
    public async Task The_data_folder_database_and_key_ring_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var data = Path.Combine(folder, "data");

        Assert.Equal(0, await RunAsync("migrate", "--no-reference-data", "--data-dir", data));

        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode directory = file | UnixFileMode.UserExecute;
        Assert.Equal(directory, File.GetUnixFileMode(data));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(data, "spean.db")));
        Assert.Equal(directory, File.GetUnixFileMode(Path.Combine(data, "keys")));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(data, "keys", "spean-keys.json")));
        foreach (var database in Directory.GetFiles(data, "spean.db*")) Assert.Equal((database, file), (database, File.GetUnixFileMode(database)));
    }

    [Fact]
    public async Task Export_writes_the_recommendations_a_page_address_filters_to_and_refuses_an_unreadable_query()
    {
        var data = Path.Combine(folder, "export");
        var file = Path.Combine(folder, "cambodia-18.csv");
        Assert.Equal(0, await RunAsync("migrate", "--data-dir", data));

        var exported = await RunCapturedAsync("", "export", "recommendations", "--data-dir", data, "--query", "sur=KHM&session=18", "-o", file);
        var unreadable = await RunCapturedAsync("", "export", "recommendations", "--data-dir", data, "--query", "q=(torture", "-o", file + ".bad");

        Assert.True(exported.Code == 0, exported.Error);
        Assert.Contains("Wrote 205 recommendations", exported.Output);
        using (var csv = new CsvHelper.CsvReader(new StreamReader(file), System.Globalization.CultureInfo.InvariantCulture))
            Assert.Equal(205, csv.GetRecords<dynamic>().Count());
        Assert.Equal(2, unreadable.Code);
        Assert.Contains("not closed", unreadable.Error);
        Assert.False(File.Exists(file + ".bad"));
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
    public async Task Import_gives_rows_without_an_action_category_a_predicted_one_and_keeps_the_official_ones()
    {
        var file = Path.Combine(folder, "new-cycle-actions.csv");
        await File.WriteAllTextAsync(file, "Recommendation,State under Review,Recommending States,Session,Action\n"
            + "Ratify the Convention against Torture,Cambodia,France,46,\n"
            + "Continue its efforts to combat trafficking in persons,Cambodia,Germany,46,\n"
            + "Ratify the Optional Protocol on the sale of children,Cambodia,Spain,46,3\n");

        var (code, output, error) = await RunCapturedAsync("", "import", "recommendations", "--data-dir", folder, "--file", file,
            "--map", "text=Recommendation", "--map", "sur=State under Review", "--map", "from=Recommending States", "--map", "session=Session",
            "--map", "action=Action");

        Assert.True(code == 0, error);
        Assert.Contains("Predicted the action category of 2 recommendation(s) the file gives none; marked predicted, not official.", output);
        Assert.Equal(["Continue its efforts to combat trafficking in persons: 2 Predicted", "Ratify the Convention against Torture: 5 Predicted",
            "Ratify the Optional Protocol on the sale of children: 3 Official"], ActionCategories(folder));
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

    private static readonly string SessionEighteenSample = Path.Combine(AppContext.BaseDirectory, "Data", "upr_session_18_sample.csv");

    [Fact]
    public async Task Evaluate_action_categories_trains_without_the_file_sessions_and_prints_accuracy_and_confusion()
    {
        var (code, output, error) = await RunCapturedAsync("", "evaluate", "action-categories", "--file", SessionEighteenSample);

        Assert.True(code == 0, error);
        Assert.Contains("shipped sessions 1-17;", output);
        Assert.Contains("300 rows of session(s) 18", output);
        var accuracy = Regex.Match(output, @"Accuracy: ([\d.]+) % \((\d+) of 300\)");
        Assert.True(accuracy.Success, output);
        Assert.InRange(double.Parse(accuracy.Groups[1].Value, CultureInfo.InvariantCulture), 85, 100);
        var matrix = output.Split('\n').SkipWhile(l => !l.StartsWith("Confusion", StringComparison.Ordinal)).Skip(2).Take(5)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList()).ToList();
        Assert.Equal([1, 2, 3, 4, 5], matrix.Select(row => row[0]));
        Assert.Equal(300, matrix.Sum(row => row.Skip(1).Sum()));
        Assert.Equal(int.Parse(accuracy.Groups[2].Value, CultureInfo.InvariantCulture), matrix.Select((row, i) => row[i + 1]).Sum());
    }

    [Fact]
    public async Task Evaluate_issues_prints_micro_figures_and_a_row_per_issue()
    {
        var (code, output, error) = await RunCapturedAsync("", "evaluate", "issues", "--file", SessionEighteenSample);

        Assert.True(code == 0, error);
        var micro = Regex.Match(output, @"Micro-averaged precision ([\d.]+), recall ([\d.]+), F1 ([\d.]+) over 300 rows");
        Assert.True(micro.Success, output);
        Assert.InRange(double.Parse(micro.Groups[3].Value, CultureInfo.InvariantCulture), 0.8, 1.0);
        Assert.Matches(@"Death penalty\s+15\s+[\d.]+\s+[\d.]+\s+[\d.]+", output);
        Assert.Contains("Support  Precision  Recall", output);
    }

    [Theory]
    [InlineData("action-categories")]
    [InlineData("issues")]
    public async Task Evaluate_refuses_a_missing_file_in_one_line(string command)
    {
        var (code, output, error) = await RunCapturedAsync("", "evaluate", command, "--file", Path.Combine(folder, "nope.csv"));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"spean: no file at {Path.Combine(folder, "nope.csv")}.", error.Trim());
    }

    [Fact]
    public async Task Evaluate_refuses_a_file_without_labels_in_one_line()
    {
        var unlabelled = Path.Combine(folder, "unlabelled.csv");
        await File.WriteAllTextAsync(unlabelled, "To,Text,From,Response,Action,Issue,Session\nCambodia,Ratify the Convention against Torture,France,Supported,,,45\n");

        var (code, _, error) = await RunCapturedAsync("", "evaluate", "action-categories", "--file", unlabelled);

        Assert.Equal(2, code);
        Assert.Equal("spean: unlabelled.csv has no rows with an action category to compare against.", error.Trim());
    }

    private const string Passphrase = "correct horse battery staple\n";

    private static async Task<int> RunAsync(params string[] args) => (await RunCapturedAsync("", args)).Code;

    internal static async Task<(int Code, string Output, string Error)> RunCapturedAsync(string input, params string[] args)
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

    private static List<string> ActionCategories(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "spean.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Text\", \"ActionCategory\", \"ActionCategoryOrigin\" FROM \"Recommendations\" ORDER BY \"Text\"";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add($"{reader.GetString(0)}: {reader.GetValue(1)} {reader.GetValue(2)}");
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
