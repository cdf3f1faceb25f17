using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Testing;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>
/// `spean import recommendations` of a generated file in UPR Info's format into a database with the reference data,
/// killed and run again. Every round starts from the same database without recommendations.
/// </summary>
internal sealed class ImportCrash(int rows) : CrashScenario
{
    private string Template => Path.Combine(Folder, "template");
    private string Data => Path.Combine(Folder, "data");
    private string Csv => Path.Combine(Folder, "recommendations.csv");
    private Dictionary<string, long> expected = [];

    public override string Operation => string.Create(CultureInfo.InvariantCulture, $"import of {rows:N0} recommendations");

    public override async Task SetUpAsync()
    {
        await CrashChecks.WithServicesAsync(Template, services =>
            services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true));
        WriteCsv(rows, Csv);
    }

    public override Task BeforeRoundAsync(int round)
    {
        CrashChecks.CopyFolder(Template, Data);
        return Task.CompletedTask;
    }

    public override Task<Running> StartAsync(int round) =>
        Task.FromResult(Run(ChildProgram.Start(CrashChecks.Cli, ["import", "recommendations", "--file", Csv, "--data-dir", Data])));

    public override Task<string> AfterKillAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add("after the kill: " + broken);
            return Task.FromResult("a damaged database");
        }
        var count = CrashChecks.Scalar(Data, "SELECT COUNT(*) FROM \"Recommendations\"");
        if (count == 0) return Task.FromResult("no recommendation");
        if (count == expected["Recommendations"]) return Task.FromResult("every recommendation");
        failures.Add($"after the kill: {count} of {expected["Recommendations"]} recommendations, a half-done import");
        return Task.FromResult("part of the import");
    }

    public override Task RerunAsync(int round, List<string> failures) =>
        CrashChecks.RunCliAsync(failures, "the re-run import", "import", "recommendations", "--file", Csv, "--data-dir", Data);

    public override Task CheckAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add(broken);
            return Task.CompletedTask;
        }
        var counts = CrashChecks.RowCounts(Data);
        var distinct = CrashChecks.Scalar(Data, "SELECT COUNT(DISTINCT \"ImportKey\") FROM \"Recommendations\"");
        if (distinct != counts["Recommendations"])
            failures.Add($"{counts["Recommendations"] - distinct} recommendations are in twice (same import key)");
        if (round == 0)
        {
            // Every generated row is a valid, distinct recommendation: the uninterrupted import must take them all.
            if (counts["Recommendations"] != rows) failures.Add($"the uninterrupted import kept {counts["Recommendations"]} of {rows} rows");
            expected = counts;
            return Task.CompletedTask;
        }
        foreach (var table in new[] { "Recommendations", "RecommendingStates", "RecommendationIssues", "RecommendationSdgTargets" })
            if (counts.GetValueOrDefault(table) != expected.GetValueOrDefault(table))
                failures.Add($"{table}: {counts.GetValueOrDefault(table)} rows after the re-run, {expected.GetValueOrDefault(table)} after an uninterrupted import");
        return Task.CompletedTask;
    }

    /// <summary>
    /// The shipped recommendations that carry an action category, repeated with a copy number in the text so every row
    /// is a new recommendation (and no model has to be trained to predict categories).
    /// </summary>
    public static void WriteCsv(int count, string path)
    {
        var shipped = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows.Where(r => r.ActionCategory is not null)
            .DistinctBy(r => RecommendationImporter.ImportKey(r.StateUnderReview, r.Session, r.RecommendingState, r.Text)).ToList();
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in CsvColumnMap.UprInfo.Columns.Values) csv.WriteField(header);
        csv.NextRecord();
        for (var i = 0; i < count; i++)
        {
            var row = shipped[i % shipped.Count];
            var copy = i / shipped.Count;
            foreach (var field in CsvColumnMap.UprInfo.Columns.Keys)
                csv.WriteField(field switch
                {
                    "sur" => row.StateUnderReview,
                    "surGroup" => row.StateUnderReviewGroup,
                    "surOrg" => string.Join(", ", row.StateUnderReviewOrganisations),
                    "text" => copy == 0 ? row.Text : string.Create(CultureInfo.InvariantCulture, $"{row.Text} (copy {copy})"),
                    "from" => row.RecommendingState,
                    "fromGroup" => row.RecommendingGroup,
                    "fromOrg" => string.Join(", ", row.RecommendingOrganisations),
                    "response" => row.Response,
                    "action" => row.ActionCategory!.Value.ToString(CultureInfo.InvariantCulture),
                    "issues" => string.Join(",", row.Issues),
                    "session" => row.Session.ToString(CultureInfo.InvariantCulture),
                    "cycle" => row.Cycle.ToString(CultureInfo.InvariantCulture),
                    _ => throw new InvalidOperationException($"No value for the column {field}."),
                });
            csv.NextRecord();
        }
    }
}
