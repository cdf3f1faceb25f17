using System.Diagnostics;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;
using Spean.Core.Recommendations.Search.Upr;

namespace Spean.Search.Bench;

/// <summary>(a) and (b): the in-memory index of src/Spean.Core/Recommendations/Search over the scaled corpus.</summary>
internal static class IndexBenchmark
{
    public static void Run(IReadOnlyList<UprInfoRow> rows, int documents, int rounds)
    {
        PeakMemory.Reset();
        using var index = new RecommendationIndex(UprDocuments.Fields, UprDocuments.SplitKhmer);
        var clock = Stopwatch.StartNew();
        index.Build(ScaledCorpus.Generate(rows, documents));
        Console.WriteLine($"index build {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"managed heap after build {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MiB, peak working set so far {PeakMemory.MiB:F0} MiB");

        var filters = Workload.FilterPairs(rows, Workload.TextQueries.Length, seed: 7);
        var texts = Workload.TextQueries;
        void Measure(string name, Func<int, SearchRequest> request, int? queries = null) =>
            MeasureSearches(index, rounds, name, request, queries ?? texts.Length);

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
        Console.WriteLine($"peak working set of the index part {PeakMemory.MiB:F0} MiB");
    }

    private static void MeasureSearches(RecommendationIndex index, int rounds, string name, Func<int, SearchRequest> request, int n)
    {
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
        if (Environment.GetEnvironmentVariable("BENCH_DETAIL") == "1")
        {
            foreach (int i in Enumerable.Range(0, n).OrderByDescending(i => perQuery[i]).Take(6))
            {
                var r = request(i);
                Console.WriteLine($"   slowest {perQuery[i],6:F1} ms  hits {index.Search(r).Total,8:N0}  {r.Text}  {string.Join(" & ", r.Filters.Select(f => f.Key + "=" + string.Join("|", f.Value)))}");
            }
        }
        Console.WriteLine($"{name,-40} wall {Percentiles.Summary(times)} | cpu {Percentiles.Summary(cpuTimes)} | mean hits {totals / times.Count:N0}");
    }
}
