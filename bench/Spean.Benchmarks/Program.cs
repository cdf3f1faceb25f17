using System.Diagnostics;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;
using Spean.Core.Recommendations.Search.Upr;
using Spean.Search.Bench;

// Usage: dotnet run -c Release -- [documents=1000000] [rounds=5]
int documents = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
int rounds = Math.Max(1, args.Length > 1 ? int.Parse(args[1]) : 5);
var rows = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
Console.WriteLine($"rows {rows.Count:N0}, documents {documents:N0}, seed {ScaledCorpus.DefaultSeed}, rounds {rounds}");

var index = new RecommendationIndex(UprDocuments.Fields, UprDocuments.SplitKhmer);
var clock = Stopwatch.StartNew();
index.Build(ScaledCorpus.Generate(rows, documents));
Console.WriteLine($"build {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"managed heap after build {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MiB, peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");

var filters = Workload.FilterPairs(rows, Workload.TextQueries.Length, seed: 7);
var texts = Workload.TextQueries;
Measure("search, relevance, 8 counts", i => Workload.Request(texts[i], filters[i], SearchSort.Relevance, Workload.CountFields));
Measure("search, by key, 8 counts", i => Workload.Request(texts[i], filters[i], SearchSort.KeyDescending, Workload.CountFields));
Measure("search, relevance, all 12 counts", i => Workload.Request(texts[i], filters[i], SearchSort.Relevance, null));
Measure("browse, filters only, 8 counts", i => Workload.Request(null, filters[i], SearchSort.KeyDescending, Workload.CountFields));
Measure("browse, filters only, all 12 counts", i => Workload.Request(null, filters[i], SearchSort.KeyDescending, null));
Measure("stress, no filters, relevance, all 12", i => Workload.Request(Workload.StressQueries[i], [], SearchSort.Relevance, null), Workload.StressQueries.Length);

clock.Restart();
for (int i = 0; i < 1000; i++)
{
    index.Upsert(UprDocuments.ToDocument(rows[i], i * 997 % documents));
}
Console.WriteLine($"1,000 upserts {clock.Elapsed.TotalMilliseconds:F0} ms");
clock.Restart();
for (int i = 0; i < 1000; i++)
{
    index.Remove(UprDocuments.IdFor(i * 991 % documents));
}
Console.WriteLine($"1,000 removes {clock.Elapsed.TotalMilliseconds:F0} ms");
clock.Restart();
index.Compact();
Console.WriteLine($"compaction {clock.Elapsed.TotalSeconds:F1} s, live {index.Count:N0}");
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
GC.KeepAlive(index);

void Measure(string name, Func<int, SearchRequest> request, int? queries = null)
{
    int n = queries ?? texts.Length;
    for (int i = 0; i < n; i++)
    {
        index.Search(request(i)); // warm-up
    }
    var times = new List<double>();
    var cpuTimes = new List<double>();
    var perQuery = new double[n];
    long totals = 0;
    for (int round = 0; round < rounds; round++)
    {
        for (int i = 0; i < n; i++)
        {
            var r = request(i);
            double cpuStart = ThreadClock.Milliseconds();
            var clock = Stopwatch.StartNew();
            var result = index.Search(r);
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpuTimes.Add(ThreadClock.Milliseconds() - cpuStart);
            perQuery[i] = Math.Max(perQuery[i], clock.Elapsed.TotalMilliseconds);
            if (result.Error is not null)
            {
                throw new InvalidOperationException($"{r.Text}: {result.Error}");
            }
            totals += result.Total;
        }
    }
    times.Sort();
    cpuTimes.Sort();
    if (Environment.GetEnvironmentVariable("BENCH_DETAIL") == "1")
    {
        foreach (int i in Enumerable.Range(0, n).OrderByDescending(i => perQuery[i]).Take(6))
        {
            var r = request(i);
            Console.WriteLine($"   slowest {perQuery[i],6:F1} ms  hits {index.Search(r).Total,8:N0}  {r.Text}  {string.Join(" & ", r.Filters.Select(f => f.Key + "=" + string.Join("|", f.Value)))}");
        }
    }
    double P(List<double> list, double q) => list[(int)Math.Ceiling(q * list.Count) - 1];
    Console.WriteLine($"{name,-36} n={times.Count} wall p50 {P(times, 0.50),5:F1} p95 {P(times, 0.95),5:F1} p99 {P(times, 0.99),5:F1} max {times[^1],5:F1} ms"
        + $" | cpu p50 {P(cpuTimes, 0.50),5:F1} p95 {P(cpuTimes, 0.95),5:F1} p99 {P(cpuTimes, 0.99),5:F1} ms | mean hits {totals / times.Count:N0}");
}
