using Xunit.Abstractions;

namespace Spean.Core.Tests.Fuzzing;

/// <summary>
/// The short run of the parser fuzzer: a fixed seed and a bounded number of inputs per parser, so a failure reproduces
/// with the same seed and index. The long run (≥ 100,000 inputs per parser, any seed) is the benchmark's
/// <c>--only reliability</c>. Every input that once broke a parser is kept under <c>Fuzzing/Regressions/&lt;target&gt;/</c>
/// and replayed.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    public const int Seed = 20261206;

    public static TheoryData<string> Targets() => [.. ParserTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_parser_answers_every_mutated_input_with_a_value_or_a_refusal(string target)
    {
        var fuzz = ParserTargets.Named(target);
        var run = Fuzzer.Run(fuzz, Seed, fuzz.ShortRun);

        output.WriteLine($"{target}: {run.Inputs} inputs in {run.Took.TotalSeconds:0.00} s ({run.PerSecond:0} /s), {run.Failures.Count} failures");
        var saved = run.Failures.Select(f => Fuzzer.Save(f, Path.Combine(Path.GetTempPath(), "spean-fuzz"))).ToList();
        Assert.True(run.Failures.Count == 0,
            string.Join("\n\n", run.Failures.Zip(saved, (f, path) => $"{f}\nsaved as {path}; copy it to tests/Spean.Core.Tests/Fuzzing/Regressions/{target}/")));
    }

    public static TheoryData<string, string> Regressions()
    {
        var data = new TheoryData<string, string>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions");
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(Path.GetDirectoryName(file))!, Path.GetFileName(file));
        return data;
    }

    /// <summary>
    /// afl-fuzz's hang: 4 KB of M4A whose metadata track claims 2.4 billion samples of 8 MB each, all in one chunk. The
    /// public copy walked them one by one (seconds of CPU for every request of its public copy) before the
    /// sum was refused as lying beyond the file's end; it now counts them and refuses the track before any walk, which
    /// its own reason shows. Replayed above too, where it only has to be answered.
    /// </summary>
    [Fact]
    public async Task A_metadata_track_claiming_more_samples_than_the_file_holds_is_refused_not_walked()
    {
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions", "evidence-m4a", "de75f01d1d35fb27.bin"));

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Spean.Core.Monitoring.Evidence.Formats.EvidenceFormats.Of("audio/mp4")!.WritePublicCopy(new MemoryStream(input), new MemoryStream(), CancellationToken.None));
        Assert.Equal("A metadata track of this file claims more sample bytes than the file holds.", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void An_input_that_once_broke_a_parser_is_answered(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions", target, file));

        Assert.Null(Fuzzer.Try(ParserTargets.Named(target), input));
    }
}
