using System.Globalization;
using Spean.Core;
using Spean.Core.Monitoring.Reports;

namespace Spean.Web.Monitoring;

public enum ReportFilterProblem
{
    UnknownCategory,
    NotAPlaceCode,
    NotADate,
    UnknownStatus,
    UnknownConfidentiality,
    NotTrueOrFalse,
    NotAPage,
    NotAPageSize,
    SearchTooLong,
}

/// <summary>The list's filters as they arrive in the query string, for the API and the page alike.</summary>
public sealed record ReportFilterParameters(
    string? Category, string? Place, string? From, string? To, string? Status, string? Confidentiality, string? HasEvidence, string? Page, string? PageSize,
    string? Q = null)
{
    public const int MaxSearchLength = 200;

    public const string SearchDescription = "Words that must all occur in the title, narrative or tags, each as a word or the start of one; " +
        "Khmer text is split into words, so a Khmer word is found without spaces. At most 200 characters.";

    /// <returns>The filter, or what is wrong: the API gives its English sentence, pages say it in the reader's language.</returns>
    public Outcome<ReportFilter> Parse()
    {
        if (Blank(Category) is { } category && ReportCategories.Find(category) is null)
        {
            var codes = string.Join(", ", ReportCategories.All.Select(c => c.Code));
            return Fail(ReportFilterProblem.UnknownCategory, $"'category' must be one of: {codes}.", codes);
        }
        var place = Blank(Place) is { Length: 3 } letters && letters.All(char.IsAsciiLetter) ? letters.ToUpperInvariant() : Blank(Place);
        if (place is not null && !ReportPlaces.IsCountryCode(place) && (place.Length > 8 || !place.All(char.IsAsciiDigit)))
            return Fail(ReportFilterProblem.NotAPlaceCode,
                "'place' is a gazetteer code (digits only, 2 for a province up to 8 for a village) or a country's alpha-3 code for reports located abroad (e.g. MMR).");
        if (!TryDate(From, out var from)) return Fail(ReportFilterProblem.NotADate, "'from' must be a date like 2024-03-31.", "from");
        if (!TryDate(To, out var to)) return Fail(ReportFilterProblem.NotADate, "'to' must be a date like 2024-03-31.", "to");
        if (!EnumNames.TryParseOptional<ReportStatus>(Blank(Status), out var status))
            return Fail(ReportFilterProblem.UnknownStatus, "'status' is Draft, Submitted, UnderReview, Verified, Published or Rejected.");
        if (!EnumNames.TryParseOptional<Confidentiality>(Blank(Confidentiality), out var level))
            return Fail(ReportFilterProblem.UnknownConfidentiality, "'confidentiality' is Public, Network, Organisation or Restricted.");
        bool? hasEvidence = null;
        if (Blank(HasEvidence) is { } e)
        {
            if (!bool.TryParse(e, out var parsed)) return Fail(ReportFilterProblem.NotTrueOrFalse, "'hasEvidence' is true or false.");
            hasEvidence = parsed;
        }
        if (!TryNumber(Page, 1, int.MaxValue / ReportSearch.MaxPageSize, 1, out var page)) return Fail(ReportFilterProblem.NotAPage, "'page' is a whole number from 1.");
        if (!TryNumber(PageSize, 1, ReportSearch.MaxPageSize, 20, out var pageSize))
            return Fail(ReportFilterProblem.NotAPageSize, $"'pageSize' is a whole number from 1 to {ReportSearch.MaxPageSize}.", ReportSearch.MaxPageSize);
        var text = Blank(Q);
        if (text is { Length: > MaxSearchLength })
            return Fail(ReportFilterProblem.SearchTooLong, $"'q' is at most {MaxSearchLength} characters: search for fewer words.", MaxSearchLength);
        return new ReportFilter(Blank(Category), place, from, to, status, level, hasEvidence, page, pageSize, text);
    }

    private static Refusal Fail(ReportFilterProblem problem, string message, params object[] arguments) => new(problem, message, arguments);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (Blank(value) is not { } text) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }

    private static bool TryNumber(string? value, int min, int max, int fallback, out int number)
    {
        number = fallback;
        if (Blank(value) is not { } text) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;
    }
}
