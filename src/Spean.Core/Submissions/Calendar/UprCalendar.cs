using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Submissions.Calendar;

/// <summary>A review with its State's names, for pages and the API.</summary>
public sealed record UprReviewView(UprReviewDates Dates, string StateName, string StateNameKm);

/// <summary>The UPR reviews and their dates: listed, per State, edited. Review dates are public, so every reader sees them all.</summary>
public sealed class UprCalendar(SpeanDbContext db)
{
    /// <summary>
    /// Reviews with any date (the review or one that follows it) between <paramref name="from"/> and <paramref name="to"/>,
    /// optionally of one State, by review date.
    /// </summary>
    public async Task<IReadOnlyList<UprReviewView>> ListAsync(string? stateIso3, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var query = Of(stateIso3);
        // Every date follows within three years of the review or precedes it by under a year, so this bounds the rows read.
        if (from is { } first)
        {
            var earliest = first.AddYears(-UprDates.MidtermYearsAfter - 1);
            query = query.Where(r => r.ReviewDate >= earliest);
        }
        if (to is { } last)
        {
            var latest = last.AddYears(1);
            query = query.Where(r => r.ReviewDate <= latest);
        }
        var rows = await WithNames(query).ToListAsync(cancellationToken);
        return rows.Select(r => new UprReviewView(UprDates.Of(r.Review), r.Name, r.NameKm))
            .Where(v => from is null && to is null || AllDates(v.Dates).Any(d => (from is null || d >= from) && (to is null || d <= to)))
            .ToList();
    }

    public async Task<UprReviewView?> FindAsync(string stateIso3, int cycle, CancellationToken cancellationToken = default)
    {
        var row = await WithNames(Of(stateIso3).Where(r => r.Cycle == cycle)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new UprReviewView(UprDates.Of(row.Review), row.Name, row.NameKm);
    }

    /// <summary>The States with at least one review recorded, for the calendar's filter.</summary>
    public async Task<IReadOnlyList<Country>> StatesAsync(CancellationToken cancellationToken = default)
    {
        var codes = db.Set<UprReview>().Select(r => r.StateIso3).Distinct();
        return await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Iso3)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The State's names, or null when Spean does not know the code.</summary>
    public async Task<Country?> StateAsync(string stateIso3, CancellationToken cancellationToken = default)
    {
        var code = stateIso3.Trim().ToUpperInvariant();
        return await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Iso3 == code, cancellationToken);
    }

    /// <summary>Enters a review's dates (Coordinators and above): creates the review of that cycle or replaces its dates.</summary>
    public async Task<Outcome<UprReviewView>> SaveAsync(Viewer viewer, string stateIso3, int cycle, UprReviewInput input,
        CancellationToken cancellationToken = default)
    {
        if (viewer.Role is not { } role || role > Role.Coordinator)
            return new Refusal(UprCalendarProblem.NotAllowed, "Only coordinators and administrators enter review dates.");
        var code = stateIso3.Trim().ToUpperInvariant();
        if (await StateAsync(code, cancellationToken) is null)
            return new Refusal(UprCalendarProblem.UnknownState, $"'{stateIso3}' is not a State Spean knows: use its ISO 3166 alpha-3 code, e.g. KHM.", stateIso3);
        if (cycle is < 1 or > UprReviewInput.MaxCycle)
            return new Refusal(UprCalendarProblem.BadCycle, $"Cycle {cycle} is not a UPR cycle: give a number from 1 to {UprReviewInput.MaxCycle}.", cycle);
        if (input.Check() is { } refusal) return refusal;
        var review = await db.Set<UprReview>().FirstOrDefaultAsync(r => r.StateIso3 == code && r.Cycle == cycle, cancellationToken);
        if (review is null)
        {
            review = new UprReview { StateIso3 = code, Cycle = cycle, Session = input.Session, ReviewDate = input.ReviewDate };
            db.Add(review);
        }
        Apply(review, input);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(code, cycle, cancellationToken))!;
    }

    internal static bool Apply(UprReview review, UprReviewInput input)
    {
        var changed = review.Session != input.Session || review.ReviewDate != input.ReviewDate || review.SubmissionDeadlineUtc != input.DeadlineUtc
            || review.PreSessionDate != input.PreSession || review.AdoptionDate != input.Adoption || review.MidtermReportDue != input.Midterm;
        review.Session = input.Session;
        review.ReviewDate = input.ReviewDate;
        review.SubmissionDeadlineUtc = input.DeadlineUtc;
        review.PreSessionDate = input.PreSession;
        review.AdoptionDate = input.Adoption;
        review.MidtermReportDue = input.Midterm;
        return changed;
    }

    private static IEnumerable<DateOnly> AllDates(UprReviewDates d) =>
        [d.ReviewDate, DateOnly.FromDateTime(UprDates.InGeneva(d.SubmissionDeadline.UtcDateTime).DateTime), d.PreSession.Date, d.Adoption.Date, d.MidtermReport.Date];

    private IQueryable<UprReview> Of(string? stateIso3)
    {
        var query = db.Set<UprReview>().AsNoTracking();
        if (string.IsNullOrWhiteSpace(stateIso3)) return query;
        var code = stateIso3.Trim().ToUpperInvariant();
        return query.Where(r => r.StateIso3 == code);
    }

    private IQueryable<ReviewRow> WithNames(IQueryable<UprReview> reviews) =>
        from review in reviews
        join country in db.Countries on review.StateIso3 equals country.Iso3
        orderby review.ReviewDate, review.StateIso3
        select new ReviewRow(review, country.Name, country.NameKm);

    private sealed record ReviewRow(UprReview Review, string Name, string NameKm);
}
