namespace Spean.Core.Recommendations.Recurrence.Tests;

/// <summary>Pairs of real recommendations to Cambodia: session 18 (cycle 2) against session 6 (cycle 1).</summary>
public sealed class TextSimilarityTests
{
    private static readonly Lazy<List<UprInfoRow>> Cambodia = new(() => UprInfoCsv.Read(
        Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_cambodia_cycles_1-2.csv")).Rows.ToList());

    [Fact]
    public void Denmark_asking_again_for_a_national_preventive_mechanism_is_a_repeat()
    {
        var (similarity, sharesIssue) = Compare(
            "Establish an independent national preventive mechanism with the necessary mandate",
            "Build on progress towards the establishment of an independent national preventive mechanism");

        Assert.InRange(similarity, 0.8, 1.0);
        Assert.True(StateRecurrence.IsRepeat(similarity, sharesIssue));
    }

    [Theory]
    [InlineData("Make further efforts, including in a financial sense, to ensure the smooth implementation", "Regarding the Khmer Rouge tribunal, make further efforts")]
    [InlineData("Rapidly create a national preventive mechanism against torture", "Build on progress towards the establishment of an independent national preventive mechanism")]
    [InlineData("Issue a standing invitation to the special procedures of the United Nations", "Consider issuing a standing invitation to United Nations human rights special procedures")]
    [InlineData("Take measures which promote the independence of the judiciary in law and practice", "Ensure the independence of the judiciary, without any political intervention")]
    public void The_same_ask_in_other_words_is_a_repeat(string later, string earlier)
    {
        var (similarity, sharesIssue) = Compare(later, earlier);

        Assert.True(StateRecurrence.IsRepeat(similarity, sharesIssue), $"similarity {similarity:F3}, shared issue {sharesIssue}");
    }

    [Theory]
    [InlineData("Establish a law on freedom of information in accordance with international standards", "Take measures to ensure everyone's equal access to justice, in accordance with international standards")]
    [InlineData("Continue its efforts for the elimination of discrimination against women", "Intensify its efforts to combat trafficking in persons and eliminate violence against persons")]
    [InlineData("Ensure the full implementation of the recently adopted regulations referring to the Criminal Code", "Take due steps towards the full implementation of the election regulations")]
    public void Recommendations_that_share_only_boilerplate_are_not_repeats(string later, string earlier)
    {
        var (similarity, sharesIssue) = Compare(later, earlier);

        Assert.False(StateRecurrence.IsRepeat(similarity, sharesIssue), $"similarity {similarity:F3}, shared issue {sharesIssue}");
    }

    [Fact]
    public void Stop_words_and_inflections_do_not_change_a_text()
    {
        var corpus = Cambodia.Value.Select(r => r.Text).ToList();

        Assert.Equal(1.0, TextSimilarity.Similarity("Ratify the Optional Protocols", "ratifying an optional protocol", corpus), 6);
        Assert.Equal(["ratifi", "option", "protocol", "icescr"], TextSimilarity.Stems("Ratifying the Optional Protocol to the ICESCR in 2014"));
        Assert.Equal(0.0, TextSimilarity.Similarity("the of and to", "ratify", corpus));
    }

    private static (double Similarity, bool SharesIssue) Compare(string laterStart, string earlierStart)
    {
        var rows = Cambodia.Value;
        var later = rows.Single(r => r.Session == 18 && r.Text.StartsWith(laterStart, StringComparison.Ordinal));
        var earlier = rows.Single(r => r.Session == 6 && r.Text.StartsWith(earlierStart, StringComparison.Ordinal));
        var vectors = TextSimilarity.Vectors(rows.Select(r => r.Text).ToList());
        return (vectors[rows.IndexOf(later)].Cosine(vectors[rows.IndexOf(earlier)]), later.Issues.Intersect(earlier.Issues).Any());
    }
}
