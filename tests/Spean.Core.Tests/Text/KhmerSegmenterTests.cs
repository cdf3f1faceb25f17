namespace Spean.Core.Text.Tests;

[Collection(SegmenterCollection.Name)]
public sealed class KhmerSegmenterTests(SegmenterFixture fixture)
{
    private readonly KhmerSegmenter segmenter = fixture.Segmenter;

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n ")]
    [InlineData("\u200B\u200B")]
    public void EmptyOrBlankInputGivesNoTokens(string text)
    {
        Assert.Empty(segmenter.Segment(text));
        Assert.Equal("", segmenter.SegmentToSpaces(text));
    }

    [Theory]
    [InlineData("ភាពក្រីក្រ", "ភាព ក្រីក្រ")]
    [InlineData("បញ្ចប់ភាពក្រីក្រនៅគ្រប់ទម្រង់ទាំងអស់នៅគ្រប់ទីកន្លែង",
        "បញ្ចប់ ភាព ក្រីក្រ នៅ គ្រប់ ទម្រង់ ទាំងអស់ នៅ គ្រប់ ទីកន្លែង")]
    [InlineData("សមភាពយេនឌ័រ", "សមភាព យេនឌ័រ")]
    [InlineData("ទឹកស្អាតនិងអនាម័យ", "ទឹក ស្អាត និង អនាម័យ")]
    [InlineData("សុខភាពល្អនិងសុខុមាលភាព", "សុខភាព ល្អ និង សុខុមាលភាព")]
    [InlineData("ក្រសួងអប់រំ", "ក្រសួង អប់រំ")]
    public void KnownPhrasesSplitIntoDictionaryWords(string text, string expected)
    {
        Assert.Equal(expected, segmenter.SegmentToSpaces(text));
        Assert.All(segmenter.Segment(text), word => Assert.True(fixture.Lexicon.IsWord(word), word));
    }

    [Theory]
    [InlineData("ផ្ដល់អំណាចដល់ស្ត្រី", "ផ្ដល់ អំណាច ដល់ ស្ត្រី")]
    [InlineData("ផ្តល់អំណាចដល់ស្ត្រី", "ផ្តល់ អំណាច ដល់ ស្ត្រី")]
    [InlineData("អ៊\u200Cឺ", "អ៊\u200Cឺ")]
    [InlineData("អ៊ឺ", "អ៊ឺ")]
    public void SpellingVariantsMatchTheSameWordAndKeepTheirOwnText(string text, string expected) =>
        Assert.Equal(expected, segmenter.SegmentToSpaces(text));

    [Theory]
    [InlineData("ឆ្នាំ២០៣០", "ឆ្នាំ|២០៣០")]
    [InlineData("១,២៥ ដុល្លារ", "១,២៥|ដុល្លារ")]
    [InlineData("12.5% in 2030, 1.2.1", "12.5|%|in|2030|,|1.2.1")]
    [InlineData("១០០០០០", "១០០០០០")]
    [InlineData("ភាពក្រីក្រ២០៣០ABC", "ភាព|ក្រីក្រ|២០៣០|ABC")]
    public void NumbersStayWhole(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', segmenter.Segment(text)));

    [Fact]
    public void ZeroWidthSpaceForcesABreakAndIsDropped()
    {
        Assert.Equal(["ទីកន្លែង"], segmenter.Segment("ទីកន្លែង"));
        Assert.Equal(["ទី", "កន្លែង"], segmenter.Segment("ទី\u200Bកន្លែង"));
        Assert.Equal(["ភាព", "ក្រីក្រ"], segmenter.Segment("\u200Bភាព\u200Bក្រីក្រ\u200B"));
    }

    [Theory]
    [InlineData("SDG 1: បញ្ចប់ភាពក្រីក្រ (No poverty)", "SDG|1|:|បញ្ចប់|ភាព|ក្រីក្រ|(|No|poverty|)")]
    [InlineData("SpeanជួយNGOs don't", "Spean|ជួយ|NGOs|don't")]
    [InlineData("Café ñandú 😀ភាព", "Café|ñandú|😀|ភាព")]
    public void MixedScriptTextKeepsOtherWordsWhole(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', segmenter.Segment(text)));

    [Theory]
    [InlineData("សួស្តី។", "សួស្តី|។")]
    [InlineData("ផ្សេងៗ", "ផ្សេង|ៗ")]
    [InlineData("ដូចជា៖ ក, ខ៕", "ដូចជា|៖|ក|,|ខ|៕")]
    public void PunctuationBecomesItsOwnToken(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', segmenter.Segment(text)));

    [Fact]
    public void WhitespaceCollapsesToSingleSpaces() =>
        Assert.Equal("ភាព ក្រីក្រ SDG 1", segmenter.SegmentToSpaces("  ភាពក្រីក្រ \n\t SDG\u00A0 1  "));

    [Fact]
    public void UnknownClustersAreGroupedIntoOneToken()
    {
        Assert.False(fixture.Lexicon.IsWord("ឃ្ជា"));
        Assert.False(fixture.Lexicon.IsWord("ឃ្ជាយ"));
        Assert.Equal(["ភូមិ", "ឃ្ជាយ"], segmenter.Segment("ភូមិឃ្ជាយ"));
        Assert.Equal(["ការ", "បល្ល័ង្គ"], segmenter.Segment("ការបល្ល័ង្គ"));
    }

    [Fact]
    public void AnUnknownCodaJoinsTheWordBeforeIt()
    {
        Assert.False(fixture.Lexicon.IsWord("ន់"));
        Assert.Equal(["ក្រវ៉ាន់"], segmenter.Segment("ក្រវ៉ាន់"));
    }

    [Fact]
    public void LoadFailsClearlyOnAMissingFile()
    {
        var missing = Path.Combine(Path.GetDirectoryName(TestCorpus.DictionaryPath)!, "missing.txt");
        Assert.Throws<FileNotFoundException>(() => KhmerSegmenter.Load(missing, TestCorpus.FrequenciesPath));
        Assert.Throws<FileNotFoundException>(() => KhmerSegmenter.Load(TestCorpus.DictionaryPath, missing));
    }

    [Fact]
    public void LoadNormalisesAndMergesTheWordList() =>
        Assert.InRange(segmenter.WordCount, 80_000, 82_732);
}
