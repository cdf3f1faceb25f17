namespace Spean.Core.Submissions.Calendar;

/// <summary>One of the dates a review sets off; <see cref="Estimated"/> when it was derived by <see cref="UprDates"/> rather than entered.</summary>
public readonly record struct UprDate(DateOnly Date, bool Estimated);

/// <summary>A review with every date filled in: entered ones as entered, the rest estimated.</summary>
public sealed record UprReviewDates(
    Guid Id, string StateIso3, int Cycle, int Session, DateOnly ReviewDate, DateTimeOffset SubmissionDeadline, bool DeadlineEstimated,
    UprDate PreSession, UprDate Adoption, UprDate MidtermReport);

/// <summary>
/// The dates that follow from a review date when nobody has entered them. Every rule is an estimate that errs early, since
/// a coalition working to it must not be late: OHCHR's stakeholder deadline falls 6-8 months before the review (PRODUCT.md;
/// Cambodia's was 12 July 2018 for 30 January 2019), so 7 months before, at noon in Geneva; UPR Info's Geneva pre-session
/// a month before; the adoption at the Human Rights Council session about 5 months after (Cambodia, January → 26 June 2014);
/// the voluntary mid-term report two years after, as the issue, PRODUCT.md and the States' own pledges say it.
/// </summary>
public static class UprDates
{
    public const int DeadlineMonthsBefore = 7;
    public const int PreSessionMonthsBefore = 1;
    public const int AdoptionMonthsAfter = 5;
    public const int MidtermYearsAfter = 2;

    public static readonly TimeOnly DeadlineTime = new(12, 0);

    public static readonly TimeZoneInfo Geneva = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    public static readonly TimeZoneInfo PhnomPenh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Phnom_Penh");

    /// <summary>The instant of a time of day in Geneva on a day, in UTC (CET or CEST as the day has it).</summary>
    public static DateTime GenevaToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Geneva);

    public static DateTimeOffset InGeneva(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Geneva);

    public static DateTimeOffset InPhnomPenh(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, PhnomPenh);

    public static DateTime EstimatedDeadlineUtc(DateOnly reviewDate) => GenevaToUtc(reviewDate.AddMonths(-DeadlineMonthsBefore), DeadlineTime);

    public static UprReviewDates Of(UprReview review)
    {
        var deadline = review.SubmissionDeadlineUtc ?? EstimatedDeadlineUtc(review.ReviewDate);
        return new UprReviewDates(review.Id, review.StateIso3, review.Cycle, review.Session, review.ReviewDate,
            new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)), review.SubmissionDeadlineUtc is null,
            Pick(review.PreSessionDate, review.ReviewDate.AddMonths(-PreSessionMonthsBefore)),
            Pick(review.AdoptionDate, review.ReviewDate.AddMonths(AdoptionMonthsAfter)),
            Pick(review.MidtermReportDue, review.ReviewDate.AddYears(MidtermYearsAfter)));
    }

    private static UprDate Pick(DateOnly? entered, DateOnly estimate) => entered is { } date ? new(date, false) : new(estimate, true);
}
