using System.Globalization;

namespace Spean.Core.Submissions.Calendar;

public enum UprCalendarProblem
{
    UnknownState,
    BadCycle,
    BadSession,
    BadDate,
    BadTime,
    DeadlineNotBeforeReview,
    PreSessionNotBeforeReview,
    AdoptionBeforeReview,
    MidtermBeforeReview,
    DuplicateRow,
    NotFound,
    NotAllowed,
    NoColumns,
    ReviewDateOutOfRange,
    NulCharacter,
}

/// <summary>
/// A review's dates as a person or a CSV row gives them. An empty date stays unset so that <see cref="UprDates"/> estimates
/// it; the deadline's time is Geneva's, noon when left out.
/// </summary>
public sealed record UprReviewInput(int Session, DateOnly ReviewDate, DateOnly? DeadlineDate, TimeOnly? DeadlineTime,
    DateOnly? PreSession, DateOnly? Adoption, DateOnly? Midterm)
{
    public const int MaxCycle = 20;
    public const int MaxSession = 300;

    /// <summary>The UPR's first review year and a year past any cycle planned; the estimated dates around a review stay in range.</summary>
    public const int FirstYear = 2008, LastYear = 2100;

    public DateTime? DeadlineUtc => DeadlineDate is { } day ? UprDates.GenevaToUtc(day, DeadlineTime ?? UprDates.DeadlineTime) : null;

    public Refusal? Check()
    {
        if (Session is < 1 or > MaxSession)
            return new(UprCalendarProblem.BadSession, $"Session {Session} is not a UPR Working Group session: give a number from 1 to {MaxSession}.", Session);
        if (ReviewDate.Year is < FirstYear or > LastYear)
            return new(UprCalendarProblem.ReviewDateOutOfRange,
                $"The review date {Iso(ReviewDate)} is not a UPR review date: give one from {FirstYear} to {LastYear}.", Iso(ReviewDate));
        if (DeadlineDate is { } deadline && deadline >= ReviewDate)
            return new(UprCalendarProblem.DeadlineNotBeforeReview,
                $"The submission deadline {Iso(deadline)} is not before the review on {Iso(ReviewDate)}: correct one of them.", Iso(deadline), Iso(ReviewDate));
        if (PreSession is { } pre && pre >= ReviewDate)
            return new(UprCalendarProblem.PreSessionNotBeforeReview,
                $"The pre-session {Iso(pre)} is not before the review on {Iso(ReviewDate)}: correct one of them.", Iso(pre), Iso(ReviewDate));
        if (Adoption is { } adoption && adoption < ReviewDate)
            return new(UprCalendarProblem.AdoptionBeforeReview,
                $"The adoption {Iso(adoption)} is before the review on {Iso(ReviewDate)}: the Council adopts the outcome after the review.", Iso(adoption), Iso(ReviewDate));
        if (Midterm is { } midterm && midterm < ReviewDate)
            return new(UprCalendarProblem.MidtermBeforeReview,
                $"The mid-term report date {Iso(midterm)} is before the review on {Iso(ReviewDate)}: it comes after it.", Iso(midterm), Iso(ReviewDate));
        return null;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads yyyy-MM-dd; empty is null. False when the text is neither.</summary>
    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }

    /// <summary>Reads "yyyy-MM-dd" or "yyyy-MM-dd HH:mm" (Geneva time).</summary>
    public static bool TryDeadline(string? text, out DateOnly? date, out TimeOnly? time)
    {
        time = null;
        var parts = (text ?? "").Trim().Split([' ', 'T'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!TryDate(parts.Length > 0 ? parts[0] : null, out date)) return false;
        if (parts.Length < 2) return true;
        if (!TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        time = parsed;
        return true;
    }
}
