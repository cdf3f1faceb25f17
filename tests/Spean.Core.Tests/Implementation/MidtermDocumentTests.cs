using Spean.Core.Implementation.Midterm;

namespace Spean.Core.Tests.Implementation;

public sealed class MidtermDocumentTests
{
    [Fact]
    public void Text_splits_into_Khmer_and_Latin_runs_with_spaces_and_digits_kept_in_the_run_before_them()
    {
        var segments = MidtermDocument.Segments("118.4 Ratify the OP-CAT ចុះបញ្ជីដី ២០២៦, 2026 (UN) ភូមិ").ToList();

        Assert.Equal(
            [("118.4 Ratify the OP-CAT ", false), ("ចុះបញ្ជីដី ២០២៦, 2026 (", true), ("UN) ", false), ("ភូមិ", true)],
            segments);
    }

    [Fact]
    public void Every_Khmer_label_is_written_in_Khmer_script()
    {
        var khmer = MidtermLabels.Khmer;
        string[] labels = [khmer.TitleFormat, khmer.PublicNote, khmer.RecommendationHeader, khmer.PositionHeader, khmer.ThemesHeader,
            khmer.AssessmentHeader, khmer.RecommendedBy, khmer.AsOf, khmer.NoTheme, khmer.Supported, khmer.Noted, khmer.FullyImplemented,
            khmer.PartiallyImplemented, khmer.NotImplemented, khmer.CannotBeAssessed, khmer.NotYetAssessed];

        Assert.All(labels, l => Assert.Contains(l, c => MidtermDocument.IsKhmer(c)));
    }
}
