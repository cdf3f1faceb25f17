using Spean.Core.Tests.Fuzzing;

namespace Spean.Fuzz;

/// <summary>
/// What to do with afl-fuzz's crashes: replay them outside afl-fuzz to see which are the same bug (afl-fuzz counts
/// paths to a crash, not causes), and shrink one of each before it becomes a regression test.
/// </summary>
internal static class Crashes
{
    public static int Replay(FuzzTarget target, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)) : [p])
            .Order(StringComparer.Ordinal).ToList();
        var failures = new Dictionary<string, (List<string> Files, Exception First)>();
        foreach (var file in files)
            if (Fuzzer.Try(target, File.ReadAllBytes(file)) is { } error)
            {
                var signature = Signature(error);
                if (!failures.TryGetValue(signature, out var seen)) failures[signature] = seen = ([], error);
                seen.Files.Add(file);
            }
        Console.WriteLine($"{target.Name}: {files.Count} inputs, {files.Count - failures.Values.Sum(f => f.Files.Count)} answered, {failures.Count} distinct failures");
        foreach (var (signature, (list, first)) in failures)
            Console.WriteLine($"  {list.Count} × {first.GetType().Name}: {first.Message}\n    {string.Join("\n    ", first.StackTrace?.Split('\n').Select(l => l.Trim()).Take(8) ?? [])}\n    e.g. {list[0]}");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Removes chunks, then single bytes, while the input still fails with the same exception at the same place.</summary>
    public static int Minimise(FuzzTarget target, string inputPath, string outputPath)
    {
        var input = File.ReadAllBytes(inputPath);
        if (Fuzzer.Try(target, input) is not { } first)
        {
            Console.Error.WriteLine($"{inputPath} does not fail {target.Name}");
            return 1;
        }
        var signature = Signature(first);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var chunk = Math.Max(1, input.Length / 2); chunk >= 1 && clock.Elapsed < TimeSpan.FromMinutes(2); chunk /= 2)
        {
            for (var at = 0; at + chunk <= input.Length && clock.Elapsed < TimeSpan.FromMinutes(2);)
            {
                var shorter = input[..at].Concat(input[(at + chunk)..]).ToArray();
                if (Fuzzer.Try(target, shorter) is { } error && Signature(error) == signature) input = shorter;
                else at += chunk;
            }
        }
        File.WriteAllBytes(outputPath, input);
        Console.WriteLine($"{target.Name}: {new FileInfo(inputPath).Length:N0} → {input.Length:N0} bytes, still {signature}");
        return 0;
    }

    /// <summary>The exception's type and the first frame that throws it: the same bug reached by different inputs.</summary>
    public static string Signature(Exception error) =>
        $"{error.GetType().Name} at {error.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "?"}";
}
