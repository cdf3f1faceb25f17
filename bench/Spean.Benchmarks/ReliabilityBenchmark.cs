using System.Diagnostics;
using Spean.Core.Tests.Fuzzing;

namespace Spean.Search.Bench;

/// <summary>
/// The long run of the parser fuzzer (issue 16, item 2): the same targets and mutations as ParserFuzzTests, with as many
/// inputs per target and whatever seed the command line gives. Prints inputs per second per target, and every failure
/// with its seed and index; failing inputs are saved under fuzz-failures/&lt;target&gt;/ to become regression tests.
/// </summary>
internal static class ReliabilityBenchmark
{
    public static int Run(int inputs, int seed, string? only)
    {
        Console.WriteLine($"parser fuzzing: {inputs:N0} inputs per target, seed {seed}, {Environment.ProcessorCount} cores");
        var failed = 0;
        var total = Stopwatch.StartNew();
        long all = 0;
        foreach (var target in ParserTargets.All.Where(t => only is null || only.Split(',').Any(o => t.Name.StartsWith(o, StringComparison.Ordinal))))
        {
            var run = Fuzzer.Run(target, seed, inputs, keepFailures: 20);
            all += run.Inputs;
            Console.WriteLine($"{target.Name,-26} {run.Inputs,10:N0} inputs {run.Took.TotalSeconds,8:F1} s {run.PerSecond,10:N0} /s  {run.Failures.Count} failures");
            foreach (var failure in run.Failures)
                Console.WriteLine($"  {failure}\n  saved as {Fuzzer.Save(failure, Path.GetFullPath("fuzz-failures"))}");
            failed += run.Failures.Count;
        }
        Console.WriteLine($"total {all:N0} inputs in {total.Elapsed.TotalSeconds:F0} s, {failed} failures");
        return failed == 0 ? 0 : 1;
    }
}
