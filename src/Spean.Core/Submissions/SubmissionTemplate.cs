namespace Spean.Core.Submissions;

/// <summary>
/// The eight thematic clusters Cambodian organisations formed for the third review (2018 workshop of CCHR, OHCHR and
/// UPR Info): every new submission starts with them, and its coordinators rename, remove or add clusters.
/// </summary>
public static class SubmissionTemplate
{
    public static readonly IReadOnlyList<(string En, string Km)> Clusters =
    [
        ("Gender, women, SOGIE and LGBTIQ", "យេនឌ័រ ស្ត្រី និន្នាការផ្លូវភេទ អត្តសញ្ញាណយេនឌ័រ និង LGBTIQ"),
        ("Minorities and Indigenous Peoples", "ជនជាតិភាគតិច និងជនជាតិដើមភាគតិច"),
        ("Access to justice", "ការទទួលបានយុត្តិធម៌"),
        ("Elections", "ការបោះឆ្នោត"),
        ("Land and natural resources", "ដីធ្លី និងធនធានធម្មជាតិ"),
        ("Labour rights", "សិទ្ធិការងារ"),
        ("Public health", "សុខភាពសាធារណៈ"),
        ("Rights of the child", "សិទ្ធិកុមារ"),
    ];
}
