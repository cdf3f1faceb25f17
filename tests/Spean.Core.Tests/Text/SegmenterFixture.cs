namespace Spean.Core.Text.Tests;

/// <summary>Loads the real word list once for all test classes.</summary>
public sealed class SegmenterFixture
{
    public KhmerSegmenter Segmenter { get; } = KhmerSegmenter.Load(TestCorpus.DictionaryPath, TestCorpus.FrequenciesPath);

    internal KhmerLexicon Lexicon { get; } = KhmerLexicon.Load(TestCorpus.DictionaryPath, TestCorpus.FrequenciesPath);
}

[CollectionDefinition(Name)]
public sealed class SegmenterCollection : ICollectionFixture<SegmenterFixture>
{
    public const string Name = "Khmer segmenter";
}
