using Spean.Core.Implementation.Scorecards;
using Spean.Core.Recommendations;

namespace Spean.Core.Implementation.Midterm;

/// <summary>
/// The words of a mid-term report, in English and Khmer. They live in Core, not in the web app's resources, because the
/// command line writes the same document; the printable page uses them too, so the page and the file say the same.
/// </summary>
public sealed record MidtermLabels(
    string Language, string TitleFormat, string PublicNote, string RecommendationHeader, string PositionHeader, string ThemesHeader,
    string AssessmentHeader, string RecommendedBy, string AsOf, string NoTheme, string Supported, string Noted,
    string FullyImplemented, string PartiallyImplemented, string NotImplemented, string CannotBeAssessed, string NotYetAssessed)
{
    public static readonly MidtermLabels English = new(
        "en", "Mid-term report: {0}, cycle {1}", "Public version: only published assessments are shown.", "Recommendation", "Position",
        "Full list of themes", "Assessment/comments on level of implementation", "Recommended by", "As of", "No theme", "Supported", "Noted",
        "Fully implemented", "Partially implemented", "Not implemented", "Cannot be assessed", "Not yet assessed");

    public static readonly MidtermLabels Khmer = new(
        "km", "របាយការណ៍ពាក់កណ្ដាលអាណត្តិ៖ {0} វដ្តទី {1}", "កំណែសាធារណៈ៖ បង្ហាញតែការវាយតម្លៃដែលបានផ្សព្វផ្សាយប៉ុណ្ណោះ។", "អនុសាសន៍", "ជំហរ",
        "បញ្ជីប្រធានបទទាំងអស់", "ការវាយតម្លៃ/មតិយោបល់លើកម្រិតនៃការអនុវត្ត", "ផ្ដល់អនុសាសន៍ដោយ", "គិតត្រឹម", "គ្មានប្រធានបទ", "គាំទ្រ", "កត់សម្គាល់",
        "បានអនុវត្តពេញលេញ", "បានអនុវត្តដោយផ្នែក", "មិនបានអនុវត្ត", "មិនអាចវាយតម្លៃបាន", "មិនទាន់បានវាយតម្លៃ");

    public bool IsKhmer => Language == "km";

    public static MidtermLabels For(string? language) => language is "km" or "km-KH" ? Khmer : English;

    public string Position(RecommendationResponse response) => response == RecommendationResponse.Supported ? Supported : Noted;

    public string Column(ScorecardColumn column) => column switch
    {
        ScorecardColumn.FullyImplemented => FullyImplemented,
        ScorecardColumn.PartiallyImplemented => PartiallyImplemented,
        ScorecardColumn.NotImplemented => NotImplemented,
        ScorecardColumn.CannotBeAssessed => CannotBeAssessed,
        _ => NotYetAssessed,
    };
}
