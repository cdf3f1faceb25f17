namespace Spean.Core.Text.Tests;

/// <summary>Whole-data checks: every token boundary falls on a cluster boundary and no text is lost.</summary>
[Collection(SegmenterCollection.Name)]
public sealed class ClusterPropertyTests(SegmenterFixture fixture)
{
    private readonly KhmerSegmenter segmenter = fixture.Segmenter;

    [Fact]
    public void EveryDictionaryWordSegmentsOnClusterBoundaries()
    {
        var failures = File.ReadLines(TestCorpus.DictionaryPath).Where(word => !KeepsClustersWhole(word)).ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void RunsOfDictionaryWordsWithoutSpacesSegmentOnClusterBoundaries()
    {
        var words = File.ReadLines(TestCorpus.DictionaryPath).ToArray();
        new Random(42).Shuffle(words);
        var failures = words.Chunk(8).Select(chunk => string.Concat(chunk)).Where(text => !KeepsClustersWhole(text)).ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void CorpusLinesSegmentOnClusterBoundaries()
    {
        var failures = TestCorpus.Lines().Where(line => !KeepsClustersWhole(line)).ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void ConcurrentSegmentationMatchesSequential()
    {
        var lines = TestCorpus.Lines();
        var expected = lines.Select(segmenter.SegmentToSpaces).ToArray();
        var actual = new string[lines.Count];
        Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            i => actual[i] = segmenter.SegmentToSpaces(lines[i]));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// True when the tokens spell the text without its whitespace and zero-width spaces, none is empty or
    /// holds whitespace, and no break falls inside a cluster: never before a vowel, sign, coeng or joiner,
    /// never after a coeng. The ranges are written out here so the check does not reuse the scanner under test.
    /// </summary>
    private bool KeepsClustersWhole(string text)
    {
        var tokens = segmenter.Segment(text);
        var visible = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '\u200B' and not '\uFEFF').ToArray());
        if (string.Concat(tokens) != visible || tokens.Any(t => t.Length == 0 || t.Any(char.IsWhiteSpace)))
        {
            return false;
        }

        var offset = 0;
        foreach (var token in tokens)
        {
            if (offset > 0 && (IsDependent(visible[offset]) || visible[offset - 1] == '\u17D2'))
            {
                return false;
            }

            offset += token.Length;
        }

        return true;
    }

    private static bool IsDependent(char c) => c is (>= '\u17B4' and <= '\u17D3') or '\u17DD' or '\u200C' or '\u200D';
}
