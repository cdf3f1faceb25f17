using System.Globalization;
using Spean.Core;
using Spean.Core.Monitoring.Reports;

namespace Spean.Web.Monitoring;

/// <summary>The list's filters as they arrive in the query string, for the API and the page alike.</summary>
public sealed record ReportFilterParameters(
    string? Category, string? Place, string? From, string? To, string? Status, string? Confidentiality, string? HasEvidence, string? Page, string? PageSize)
{
    public (ReportFilter? Filter, string? Error) Parse()
    {
        if (Blank(Category) is { } category && ReportCategories.Find(category) is null)
            return Fail($"'category' must be one of: {string.Join(", ", ReportCategories.All.Select(c => c.Code))}.");
        var place = Blank(Place);
        if (place is not null && (place.Length > 8 || !place.All(char.IsAsciiDigit)))
            return Fail("'place' is a gazetteer code: digits only, 2 for a province up to 8 for a village.");
        if (!TryDate(From, out var from)) return Fail("'from' must be a date like 2024-03-31.");
        if (!TryDate(To, out var to)) return Fail("'to' must be a date like 2024-03-31.");
        if (!EnumNames.TryParseOptional<ReportStatus>(Blank(Status), out var status))
            return Fail("'status' is Draft, Submitted, UnderReview, Verified, Published or Rejected.");
        if (!EnumNames.TryParseOptional<Confidentiality>(Blank(Confidentiality), out var level))
            return Fail("'confidentiality' is Public, Network, Organisation or Restricted.");
        bool? hasEvidence = null;
        if (Blank(HasEvidence) is { } e)
        {
            if (!bool.TryParse(e, out var parsed)) return Fail("'hasEvidence' is true or false.");
            hasEvidence = parsed;
        }
        if (!TryNumber(Page, 1, int.MaxValue / ReportSearch.MaxPageSize, 1, out var page)) return Fail("'page' is a whole number from 1.");
        if (!TryNumber(PageSize, 1, ReportSearch.MaxPageSize, 20, out var pageSize))
            return Fail($"'pageSize' is a whole number from 1 to {ReportSearch.MaxPageSize}.");
        return (new ReportFilter(Blank(Category), place, from, to, status, level, hasEvidence, page, pageSize), null);
    }

    private static (ReportFilter?, string?) Fail(string message) => (null, message);

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
