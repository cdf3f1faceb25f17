using Spean.Core.Submissions.Calendar;

namespace Spean.Core.Tests.Submissions.Calendar;

public sealed class UprDatesTests
{
    private static UprReview Review(DateOnly date) => new() { StateIso3 = "KHM", Cycle = 3, Session = 32, ReviewDate = date };

    [Fact]
    public void A_deadline_in_Geneva_summer_is_noon_CEST_which_is_ten_o_clock_UTC()
    {
        var dates = UprDates.Of(Review(new DateOnly(2019, 1, 30)));

        Assert.True(dates.DeadlineEstimated);
        Assert.Equal(new DateTimeOffset(2018, 6, 30, 10, 0, 0, TimeSpan.Zero), dates.SubmissionDeadline);
        Assert.Equal(new DateTimeOffset(2018, 6, 30, 17, 0, 0, TimeSpan.FromHours(7)), UprDates.InPhnomPenh(dates.SubmissionDeadline));
    }

    [Fact]
    public void A_deadline_in_Geneva_winter_is_noon_CET_which_is_eleven_o_clock_UTC()
    {
        var dates = UprDates.Of(Review(new DateOnly(2025, 7, 15)));

        Assert.Equal(new DateTimeOffset(2024, 12, 15, 11, 0, 0, TimeSpan.Zero), dates.SubmissionDeadline);
    }

    [Fact]
    public void The_dates_that_follow_a_review_are_estimated_from_it_and_marked_so()
    {
        var dates = UprDates.Of(Review(new DateOnly(2024, 5, 8)));

        Assert.Equal(new UprDate(new DateOnly(2024, 4, 8), true), dates.PreSession);
        Assert.Equal(new UprDate(new DateOnly(2024, 10, 8), true), dates.Adoption);
        Assert.Equal(new UprDate(new DateOnly(2026, 5, 8), true), dates.MidtermReport);
    }

    [Fact]
    public void Entered_dates_win_over_the_estimates()
    {
        var review = Review(new DateOnly(2019, 1, 30));
        review.SubmissionDeadlineUtc = UprDates.GenevaToUtc(new DateOnly(2018, 7, 12), new TimeOnly(12, 0));
        review.PreSessionDate = new DateOnly(2018, 11, 15);
        review.AdoptionDate = new DateOnly(2019, 7, 4);
        review.MidtermReportDue = new DateOnly(2021, 6, 1);

        var dates = UprDates.Of(review);

        Assert.False(dates.DeadlineEstimated);
        Assert.Equal(new DateTimeOffset(2018, 7, 12, 10, 0, 0, TimeSpan.Zero), dates.SubmissionDeadline);
        Assert.Equal(new UprDate(new DateOnly(2018, 11, 15), false), dates.PreSession);
        Assert.Equal(new UprDate(new DateOnly(2019, 7, 4), false), dates.Adoption);
        Assert.Equal(new UprDate(new DateOnly(2021, 6, 1), false), dates.MidtermReport);
    }

    [Theory]
    [InlineData("2018-07-12", 2018, 7, 12, null)]
    [InlineData("2018-07-12 17:30", 2018, 7, 12, "17:30")]
    [InlineData("", null, null, null, null)]
    public void A_deadline_is_read_as_a_day_with_an_optional_Geneva_time(string text, int? year, int? month, int? day, string? time)
    {
        Assert.True(UprReviewInput.TryDeadline(text, out var date, out var at));
        Assert.Equal(year is null ? null : new DateOnly(year.Value, month!.Value, day!.Value), date);
        Assert.Equal(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("12/07/2018")]
    [InlineData("2018-07-12 noon")]
    public void A_deadline_in_another_shape_is_refused(string text) => Assert.False(UprReviewInput.TryDeadline(text, out _, out _));
}
