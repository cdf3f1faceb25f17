using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Data;
using Spean.Core.Implementation.Matrix;
using Spean.Core.Recommendations.Classification;

namespace Spean.Search.Bench;

/// <summary>
/// (e): OHCHR's cycle-4 matrix of Slovenia (254 recommendations) imported through MatrixImporter, as the upload page and
/// `spean import matrix` do, with the prediction models trained beforehand (as in the running app), then imported again.
/// </summary>
internal static class MatrixBenchmark
{
    private static string File => Path.Combine(AppContext.BaseDirectory, "matrices", "UPR48_Slovenia_Thematic_list_of_Recommendations.docx");

    public static async Task RunAsync(string? postgres, int rounds)
    {
        var clock = Stopwatch.StartNew();
        var classifier = new RecommendationClassifier();
        classifier.Train();
        Console.WriteLine($"matrix: models trained in {clock.Elapsed.TotalSeconds:F1} s (not counted below)");
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (postgres is not null) providers.Add(DatabaseProvider.PostgreSql);
        foreach (var provider in providers)
        {
            var first = new List<double>();
            var again = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                await using var database = await BenchDatabase.CreateAsync(provider, postgres, classifier);
                first.Add(await ImportAsync(database, round == 0 ? "import" : null));
                again.Add(await ImportAsync(database, round == 0 ? "re-import" : null));
                NpgsqlConnection.ClearAllPools();
            }
            Console.WriteLine($"{provider} matrix import of 254: median {Median(first):F2} s, max {first.Max():F2} s; re-import median {Median(again):F2} s, max {again.Max():F2} s ({rounds} rounds, fresh database each)");
        }
    }

    private static async Task<double> ImportAsync(BenchDatabase database, string? name)
    {
        await using var scope = database.Services.CreateAsyncScope();
        await using var stream = System.IO.File.OpenRead(File);
        var clock = Stopwatch.StartNew();
        var (report, problem) = await scope.ServiceProvider.GetRequiredService<MatrixImporter>()
            .ImportAsync(stream, new MatrixImportRequest(Path.GetFileName(File)));
        clock.Stop();
        if (report is null) throw new InvalidOperationException(problem!.Message);
        if (name is not null)
            Console.WriteLine($"   {database.Provider} {name}: {clock.Elapsed.TotalSeconds:F2} s; read {report.Read}, created {report.Created}, " +
                $"enriched {report.Enriched}, unchanged {report.Unchanged}, predicted {report.Predicted}, refused {report.Refused.Count}");
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
