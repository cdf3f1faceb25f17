using System.Diagnostics;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search.Upr;
using Spean.Search.Bench;
using Spean.Search.Bench.Load;

// Usage: dotnet run -c Release -- [documents=1000000] [rounds=5] [--postgres "Host=…;Username=…"] [--only index|database|import|khmer|matrix|scorecard|stakeholders|smart|reliability|load]
// --only crash: [kills per operation=20] [rows=100000] [seed] [operations=import,restore,rotation,upload,backup] — the long crash run (build Release first).
// --only reliability: [inputs per target=100000] [seed] [target name prefixes, comma-separated] — the long parser fuzzing run.
// Load: dotnet run -c Release -- --only load [documents=0: the shipped 35k] [--app Spean.Web.dll | --url U --pid P] [--users 50] [--seconds 30] [--warmup 10] [--runs 1] [--mix full|search|varied] [--reports 10000] [--data-dir D]
// PostgreSQL also comes from SPEAN_BENCH_POSTGRES; without it the PostgreSQL part is skipped.
var positional = new List<string>();
string? postgres = Environment.GetEnvironmentVariable("SPEAN_BENCH_POSTGRES");
string? only = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--postgres": postgres = args[++i]; break;
        case "--only": only = args[++i]; break;
        default: positional.Add(args[i]); break;
    }
}
if (only == "reliability")
{
    Environment.ExitCode = ReliabilityBenchmark.Run(positional.Count > 0 ? int.Parse(positional[0]) : 100_000,
        positional.Count > 1 ? int.Parse(positional[1]) : Environment.TickCount, positional.Count > 2 ? positional[2] : null);
    return;
}
if (only == "crash")
{
    Environment.ExitCode = await CrashBenchmark.RunAsync(positional.Count > 0 ? int.Parse(positional[0]) : 20,
        positional.Count > 1 ? int.Parse(positional[1]) : 100_000, positional.Count > 2 ? int.Parse(positional[2]) : Environment.TickCount,
        positional.Count > 3 ? positional[3] : null);
    return;
}
if (only == "load")
{
    await LoadBenchmark.RunAsync(args, postgres);
    return;
}
if (only == "matrix")
{
    await MatrixBenchmark.RunAsync(postgres, Math.Max(1, positional.Count > 1 ? int.Parse(positional[1]) : 5));
    return;
}
int documents = positional.Count > 0 ? int.Parse(positional[0]) : 1_000_000;
int rounds = Math.Max(1, positional.Count > 1 ? int.Parse(positional[1]) : 5);
var rows = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
if (only == "khmer")
{
    KhmerRecallReport.Run(rows);
    return;
}
Console.WriteLine($"rows {rows.Count:N0}, documents {documents:N0}, seed {ScaledCorpus.DefaultSeed}, rounds {rounds}, {Environment.ProcessorCount} cores");

if (only == "stakeholders")
{
    var registerDatabases = new List<BenchDatabase> { await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite) };
    if (postgres is not null) registerDatabases.Add(await BenchDatabase.CreateAsync(DatabaseProvider.PostgreSql, postgres));
    foreach (var database in registerDatabases)
    {
        await StakeholderSearchBenchmark.RunAsync(database);
        await database.DisposeAsync();
    }
    return;
}

if (only == "smart")
{
    var classifier = new Spean.Core.Recommendations.Classification.RecommendationClassifier();
    var training = Stopwatch.StartNew();
    classifier.Train();
    Console.WriteLine($"trained both models in {training.Elapsed.TotalSeconds:F1} s");
    var smartDatabases = new List<BenchDatabase> { await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite, classifier: classifier) };
    if (postgres is not null) smartDatabases.Add(await BenchDatabase.CreateAsync(DatabaseProvider.PostgreSql, postgres, classifier));
    foreach (var database in smartDatabases)
    {
        await SmartCheckBenchmark.RunAsync(database, classifier);
        await database.DisposeAsync();
    }
    return;
}

if (only == "scorecard")
{
    var scorecardDatabases = new List<BenchDatabase> { await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite) };
    if (postgres is not null) scorecardDatabases.Add(await BenchDatabase.CreateAsync(DatabaseProvider.PostgreSql, postgres));
    foreach (var database in scorecardDatabases)
    {
        await ScorecardBenchmark.RunAsync(database);
        await database.DisposeAsync();
    }
    return;
}

// The index goes first: after a PostgreSQL import, Npgsql's idle pooled connection keeps the import's objects
// reachable until it is pruned (5 minutes idle), which would count a second million rows against the index's memory.
if (only is null or "index")
{
    IndexBenchmark.Run(rows, documents, rounds);
}
if (only != "index")
{
    var csv = Path.Combine(Path.GetTempPath(), $"spean-bench-{documents}.csv");
    var clock = Stopwatch.StartNew();
    ImportBenchmark.WriteCsv(rows, documents, csv);
    Console.WriteLine($"wrote {csv} ({new FileInfo(csv).Length / 1048576.0:F0} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
    var databases = new List<BenchDatabase> { await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite) };
    if (postgres is null) Console.WriteLine("PostgreSQL: skipped (no --postgres argument and no SPEAN_BENCH_POSTGRES)");
    else databases.Add(await BenchDatabase.CreateAsync(DatabaseProvider.PostgreSql, postgres));
    foreach (var database in databases)
    {
        await ImportBenchmark.RunAsync(database, csv);
    }
    File.Delete(csv);
    foreach (var database in databases)
    {
        if (only != "import") await SqlBaseline.RunAsync(database, rows);
        await database.DisposeAsync();
    }
}
