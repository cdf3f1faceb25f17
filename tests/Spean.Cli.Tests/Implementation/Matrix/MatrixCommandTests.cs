using Microsoft.Data.Sqlite;
using Spean.Testing.Implementation.Matrix;

namespace Spean.Cli.Tests.Implementation.Matrix;

[Collection(nameof(CommandTests))]
public sealed class MatrixCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-cli-matrix-").FullName;

    [Fact]
    public async Task Import_matrix_reads_Slovenias_cycle_3_matrix_a_dry_run_writes_nothing_and_a_second_import_reports_nothing_new()
    {
        string[] import = ["import", "matrix", "--data-dir", folder, "--file", SampleMatrices.Cycle3, "--no-predictions"];

        var dryRun = await CommandTests.RunCapturedAsync("", [.. import, "--dry-run"]);
        var afterDryRun = Count("SELECT COUNT(*) FROM \"Recommendations\" WHERE \"StateUnderReviewIso3\" = 'SVN' AND \"Session\" = 34");
        var first = await CommandTests.RunCapturedAsync("", import);
        var second = await CommandTests.RunCapturedAsync("", import);

        Assert.True(dryRun.Code == 0, dryRun.Error);
        Assert.Contains("Dry run: would create 215, enriched 0, unchanged 0, refused 0", dryRun.Output);
        Assert.Equal(0, afterDryRun);
        Assert.True(first.Code == 0, first.Error);
        Assert.Contains("Slovenia (SVN, from the document), session 34 (from the document), cycle 3 (from the document)", first.Output);
        Assert.Contains("Created 215, enriched 0, unchanged 0, refused 0", first.Output);
        Assert.Contains("Created 0, enriched 0, unchanged 215, refused 0", second.Output);
        Assert.Equal(33, Count("SELECT COUNT(*) FROM \"Recommendations\" WHERE \"StateUnderReviewIso3\" = 'SVN' AND \"Session\" = 34 AND \"Response\" = 'Noted'"));
    }

    [Fact]
    public async Task Import_matrix_lists_the_bad_row_with_its_paragraph_and_needs_the_session_the_document_lacks()
    {
        var file = Path.Combine(folder, "matrix.docx");
        await File.WriteAllBytesAsync(file, SampleMatrices.ThirdLayout());

        var withoutSession = await CommandTests.RunCapturedAsync("", "import", "matrix", "--data-dir", folder, "--file", file, "--no-predictions");
        var withSession = await CommandTests.RunCapturedAsync("", "import", "matrix", "--data-dir", folder, "--file", file, "--session", "45", "--no-predictions");

        Assert.Equal(1, withoutSession.Code);
        Assert.Contains("does not say its UPR session", withoutSession.Error);
        Assert.True(withSession.Code == 0, withSession.Error);
        Assert.Contains("session 45 (from the options), cycle 5 (from the document)", withSession.Output);
        Assert.Contains("Created 3, enriched 0, unchanged 0, refused 1", withSession.Output);
        Assert.Contains("paragraph 7.4: No recommending State", withSession.Output);
    }

    private long Count(string sql)
    {
        var path = Path.Combine(folder, "spean.db");
        if (!File.Exists(path)) return 0;
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
