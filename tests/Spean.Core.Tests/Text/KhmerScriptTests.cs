namespace Spean.Core.Text.Tests;

public sealed class KhmerScriptTests
{
    [Theory]
    [InlineData("ស្ត្រី", new[] { "ស្ត្រី" })]
    [InlineData("ក្រសួង", new[] { "ក្រ", "សួ", "ង" })]
    [InlineData("អ្នក", new[] { "អ្ន", "ក" })]
    [InlineData("ញ៉ាំ", new[] { "ញ៉ាំ" })]
    [InlineData("ព្រះ", new[] { "ព្រះ" })]
    [InlineData("ឲ្យ", new[] { "ឲ្យ" })]
    [InlineData("សង្ក្រាន្ត", new[] { "ស", "ង្ក្រា", "ន្ត" })]
    [InlineData("ហ៊\u200Dីង", new[] { "ហ៊\u200Dី", "ង" })]
    [InlineData("ពណ៌", new[] { "ព", "ណ៌" })]
    public void ClustersKeepSubscriptsVowelsAndSignsWithTheirBase(string text, string[] expected) =>
        Assert.Equal(expected, KhmerScript.Clusters(text));

    [Fact]
    public void AMarkWithNoBaseFormsAClusterOfItsOwn() =>
        Assert.Equal(["ា", "ក"], KhmerScript.Clusters("ាក"));

    [Fact]
    public void ADanglingCoengStaysInItsCluster() =>
        Assert.Equal(["ក្", "."], KhmerScript.Clusters("ក្."));

    [Theory]
    [InlineData("ខាង\u200B", "ខាង")]
    [InlineData("អ៊\u200Cឺ", "អ៊ឺ")]
    [InlineData("ផ្ដល់", "ផ្តល់")]
    [InlineData("អ៊ឹះ!", "អ៊ឹះ")]
    [InlineData("កូវីដ-១៩", null)]
    [InlineData("កាំរ៉ាយ៉ុង X", null)]
    [InlineData("ាក", null)]
    public void DictionaryEntriesAreNormalisedOrRejected(string raw, string? expected) =>
        Assert.Equal(expected, KhmerLexicon.Normalise(raw));
}
