using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Core.Submissions.Calendar;

/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
public sealed record UprImportRejection(int Line, UprCalendarProblem Problem, string Reason);

public sealed record UprImportReport(int Read, int Created, int Updated, int Unchanged, IReadOnlyList<UprImportRejection> Rejected);

/// <summary>
/// Imports reviews from CSV (state_iso3, cycle, session, review_date, submission_deadline, pre_session, adoption,
/// midterm_report; dates yyyy-MM-dd, the deadline optionally with HH:mm Geneva time). One review per State and cycle: a
/// second import updates it, never duplicates it; an empty date is estimated. Bad rows are reported while good rows import.
/// </summary>
public sealed class UprCalendarImporter(SpeanDbContext db, AuditActor actor, AuditTrail audit)
{
    public const long MaxFileBytes = 2_000_000;

    public static readonly string[] Columns =
        ["state_iso3", "cycle", "session", "review_date", "submission_deadline", "pre_session", "adoption", "midterm_report"];

    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "upr-calendar", "reviews.csv");

    public Task<bool> IsLoadedAsync(CancellationToken cancellationToken = default) => db.Set<UprReview>().AnyAsync(cancellationToken);

    /// <summary>The reviews shipped with Spean, loaded at first start like the other reference data.</summary>
    public async Task<UprImportReport> ImportShippedAsync(CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(ShippedFile);
        actor.SuppressRowAudit = true;
        try
        {
            return await ImportRowsAsync(file, cancellationToken);
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
    }

    /// <summary>Imports a file a person uploaded, who must be a Coordinator or above.</summary>
    public async Task<Outcome<UprImportReport>> ImportAsync(Stream csv, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.Role is not { } role || role > Role.Coordinator)
            return new Refusal(UprCalendarProblem.NotAllowed, "Only coordinators and administrators import review dates.");
        UprImportReport report;
        try
        {
            report = await ImportRowsAsync(csv, cancellationToken);
        }
        catch (CsvHelperException)
        {
            // A picture or a spreadsheet sent by mistake is the sender's to fix, not a server failure.
            return new Refusal(UprCalendarProblem.NoColumns,
                $"The file is not readable as CSV: save it as CSV (UTF-8) whose first line names the columns {string.Join(", ", Columns)}.", string.Join(", ", Columns));
        }
        return report.Read == 0 && report.Rejected is [{ Problem: UprCalendarProblem.NoColumns } missing]
            ? new Refusal(UprCalendarProblem.NoColumns, missing.Reason, string.Join(", ", Columns))
            : report;
    }

    /// <summary>Imports without asking who: for the shipped data and the command line, which the operator runs.</summary>
    public async Task<UprImportReport> ImportRowsAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        var states = (await db.Countries.Select(c => c.Iso3).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var stored = await db.Set<UprReview>().ToDictionaryAsync(r => (r.StateIso3, r.Cycle), cancellationToken);
        var seen = new Dictionary<(string, int), int>();
        var rejected = new List<UprImportRejection>();
        int read = 0, created = 0, updated = 0, unchanged = 0;
        using var reader = new StreamReader(csv);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        });
        if (!await parser.ReadAsync() || !parser.ReadHeader() || Columns.Take(4).Any(c => !parser.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(c)))
            return new UprImportReport(0, 0, 0, 0,
                [new(1, UprCalendarProblem.NoColumns, $"The first line must name the columns {string.Join(", ", Columns)} (the last four may be left out).")]);
        while (await parser.ReadAsync())
        {
            read++;
            var line = parser.Parser.RawRow;
            var (row, problem) = Parse(parser, states);
            if (problem is not null)
            {
                rejected.Add(new(line, (UprCalendarProblem)problem.Code, problem.Message));
                continue;
            }
            var key = (row!.State, row.Cycle);
            if (!seen.TryAdd(key, line))
            {
                rejected.Add(new(line, UprCalendarProblem.DuplicateRow, $"{row.State} cycle {row.Cycle} is already on line {seen[key]}; this line was skipped."));
                continue;
            }
            if (stored.TryGetValue(key, out var review))
            {
                if (UprCalendar.Apply(review, row.Input)) updated++;
                else unchanged++;
                continue;
            }
            review = new UprReview { StateIso3 = row.State, Cycle = row.Cycle, Session = row.Input.Session, ReviewDate = row.Input.ReviewDate };
            UprCalendar.Apply(review, row.Input);
            db.Add(review);
            created++;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (created + updated > 0)
            await audit.RecordAsync(AuditAction.Created, $"UPR calendar imported: {created} new, {updated} updated", cancellationToken: cancellationToken);
        return new UprImportReport(read, created, updated, unchanged, rejected);
    }

    private sealed record Row(string State, int Cycle, UprReviewInput Input);

    private static Outcome<Row> Parse(CsvReader csv, HashSet<string> states)
    {
        string Field(string name) => csv.GetField(name)?.Trim() ?? "";
        // A NUL would be shown back in the reason for the cell it spoils, which no one can see; say what it is instead.
        if (NulText.InAny(csv.Parser.Record))
            return new Refusal(UprCalendarProblem.NulCharacter, "The row holds a NUL character (\\u0000), which cannot be read: remove it and import the row again.");
        var state = Field("state_iso3").ToUpperInvariant();
        if (!states.Contains(state))
            return new Refusal(UprCalendarProblem.UnknownState, $"'{state}' is not a State Spean knows (state_iso3): use its ISO 3166 alpha-3 code, e.g. KHM.", state);
        if (!int.TryParse(Field("cycle"), NumberStyles.None, CultureInfo.InvariantCulture, out var cycle) || cycle is < 1 or > UprReviewInput.MaxCycle)
            return new Refusal(UprCalendarProblem.BadCycle, $"Cycle '{Field("cycle")}' is not a UPR cycle: give a number from 1 to {UprReviewInput.MaxCycle}.", Field("cycle"));
        if (!int.TryParse(Field("session"), NumberStyles.None, CultureInfo.InvariantCulture, out var session))
            return new Refusal(UprCalendarProblem.BadSession, $"Session '{Field("session")}' is not a number.", Field("session"));
        if (!UprReviewInput.TryDate(Field("review_date"), out var reviewDate) || reviewDate is null)
            return BadDate("review_date", Field("review_date"));
        if (!UprReviewInput.TryDeadline(Field("submission_deadline"), out var deadline, out var time))
            return new Refusal(UprCalendarProblem.BadTime,
                $"submission_deadline '{Field("submission_deadline")}' is neither yyyy-MM-dd nor yyyy-MM-dd HH:mm (Geneva time).", Field("submission_deadline"));
        if (!UprReviewInput.TryDate(Field("pre_session"), out var pre)) return BadDate("pre_session", Field("pre_session"));
        if (!UprReviewInput.TryDate(Field("adoption"), out var adoption)) return BadDate("adoption", Field("adoption"));
        if (!UprReviewInput.TryDate(Field("midterm_report"), out var midterm)) return BadDate("midterm_report", Field("midterm_report"));
        var input = new UprReviewInput(session, reviewDate.Value, deadline, time, pre, adoption, midterm);
        return input.Check() is { } refusal ? refusal : new Row(state, cycle, input);
    }

    private static Refusal BadDate(string column, string text) =>
        new(UprCalendarProblem.BadDate, $"{column} '{text}' is not a date written yyyy-MM-dd.", column, text);
}
