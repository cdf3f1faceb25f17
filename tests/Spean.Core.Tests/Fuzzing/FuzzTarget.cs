using System.Diagnostics;

namespace Spean.Core.Tests.Fuzzing;

/// <summary>
/// One parser under fuzzing: its real seed inputs, the tokens of its format, and a check that runs one input and throws
/// only when the property breaks (the parser threw something it does not document, or answered without line and reason).
/// <paramref name="ShortRun"/> is how many inputs the test suite sends: fewer for parsers that take milliseconds an input.
/// </summary>
public sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Seeds, IReadOnlyList<string> Tokens, int MaxLength, Action<byte[]> Check, int ShortRun = 2000);

/// <summary>An input that broke a target's property, with what is needed to reproduce it.</summary>
public sealed record FuzzFailure(string Target, int Seed, int Index, byte[] Input, Exception Error)
{
    public override string ToString() =>
        $"{Target}: seed {Seed} input {Index} ({Input.Length} bytes) threw {Error.GetType().Name}: {Error.Message}\n{Error.StackTrace?.Split('\n').Take(6).Aggregate((a, b) => a + "\n" + b)}";
}

public sealed record FuzzRun(string Target, int Seed, int Inputs, TimeSpan Took, IReadOnlyList<FuzzFailure> Failures)
{
    public double PerSecond => Inputs / Math.Max(Took.TotalSeconds, 1e-9);
}

/// <summary>The property broke without an exception of the parser's own: a refused row without its line or reason, say.</summary>
public sealed class PropertyBrokenException(string message) : Exception(message);

public static class Fuzzer
{
    /// <summary>Runs <paramref name="count"/> inputs made from the target's seeds with a fixed seed; the seeds themselves run first.</summary>
    public static FuzzRun Run(FuzzTarget target, int seed, int count, int keepFailures = 5)
    {
        var mutator = new Mutator(seed, target.Seeds, target.Tokens, target.MaxLength);
        var failures = new List<FuzzFailure>();
        var clock = Stopwatch.StartNew();
        var run = 0;
        for (; run < count; run++)
        {
            var input = run < target.Seeds.Count ? target.Seeds[run] : mutator.Next();
            if (Try(target, input) is { } error)
            {
                failures.Add(new FuzzFailure(target.Name, seed, run, input, error));
                if (failures.Count >= keepFailures) { run++; break; }
            }
        }
        return new FuzzRun(target.Name, seed, run, clock.Elapsed, failures);
    }

    public static Exception? Try(FuzzTarget target, byte[] input)
    {
        try
        {
            target.Check(input);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }

    /// <summary>Saves a failing input where a regression test reads it: <c>Regressions/&lt;target&gt;/&lt;hash&gt;.bin</c> under <paramref name="folder"/>.</summary>
    public static string Save(FuzzFailure failure, string folder)
    {
        var directory = Path.Combine(folder, failure.Target);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(failure.Input))[..16] + ".bin");
        File.WriteAllBytes(path, failure.Input);
        return path;
    }
}
