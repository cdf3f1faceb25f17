using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring.Map;

namespace Spean.Core.Monitoring.Reports;

/// <summary>What a monitor fills in; enums travel as their names so a wrong one gets a clear message.</summary>
/// <param name="AdminUnitCode">The place in Cambodia's gazetteer; left empty for a report located in another country.</param>
/// <param name="ReportedAt">When the monitor recorded it, if not now: a phone sends the time it was queued offline.</param>
/// <param name="CountryIso3">The country the incident happened in, when not Cambodia (ISO 3166 alpha-3, e.g. MMR, UKR).</param>
public sealed record ReportInput(
    Guid ClientId, string? Title, string? Narrative, string? Category, DateOnly? OccurredFrom, DateOnly? OccurredTo,
    string? AdminUnitCode, double? Latitude = null, double? Longitude = null,
    int AffectedWomen = 0, int AffectedMen = 0, int AffectedGirls = 0, int AffectedBoys = 0, int AffectedUnknown = 0,
    string? SourceKind = null, IReadOnlyList<string>? MediaLinks = null, IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? ConcessionIds = null, IReadOnlyList<Guid>? RecommendationIds = null,
    string? Confidentiality = null, IReadOnlyList<Guid>? ReaderIds = null, DateTimeOffset? ReportedAt = null, string? CountryIso3 = null);

public enum ReportInputProblem
{
    ClientIdTaken,
    NoOrganisation,
    ClientIdMissing,
    NotTheAuthor,
    NotADraft,
    TitleMissing,
    TitleTooLong,
    NarrativeMissing,
    UnknownCategory,
    DateMissing,
    EndBeforeStart,
    UnknownPlace,
    UnknownCountry,
    PlaceInAnotherCountry,
    HalfAPoint,
    OutsideCambodia,
    NotAPoint,
    NegativeCount,
    UnknownSourceKind,
    UnknownConfidentiality,
    NotAWebAddress,
    UnknownConcession,
    UnknownRecommendations,
    UnknownReaders,
    ReadersFinal,
}

/// <summary>A report as saved, and whether this call made it (false when the device had sent it before).</summary>
public sealed record ReportSaved(Report Report, bool Created);

/// <summary>Creates reports (once per device id) and lets their author change them while they are drafts.</summary>
public sealed class ReportEditor(SpeanDbContext db, TimeProvider clock, CambodiaOutline cambodia)
{
    /// <returns>The report, whether it was just made or had been sent before with the same client id; or the refusals, one per field.</returns>
    public async Task<Outcome<ReportSaved>> CreateAsync(
        ReportInput input, Guid authorId, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        if (await db.Reports.Include(r => r.History).SingleOrDefaultAsync(r => r.ClientId == input.ClientId, cancellationToken) is { } earlier)
            return earlier.AuthorId == authorId
                ? new ReportSaved(earlier, false)
                : Refuse("clientId", ReportInputProblem.ClientIdTaken, "This client id belongs to another person's report; make a new one on the device.");
        if (organisationId is not { } organisation)
            return Refuse("organisation", ReportInputProblem.NoOrganisation,
                "Your account belongs to no organisation; ask an administrator to add you to one before filing reports.");
        if (input.ClientId == Guid.Empty)
            return Refuse("clientId", ReportInputProblem.ClientIdMissing, "Send the id the device made for this report (clientId).");

        var report = new Report
        {
            ClientId = input.ClientId, Title = "", Narrative = "", Category = "", OccurredFrom = default,
            ReportedAt = ReportedAt(input), OrganisationId = organisation, AuthorId = authorId,
        };
        var refusals = await ApplyAsync(report, input, cancellationToken);
        if (refusals.Count > 0) return Outcome.Refuse<ReportSaved>(refusals);
        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same report sent twice at once: the unique client id let one through; answer with it.
            db.ChangeTracker.Clear();
            var saved = await db.Reports.Include(r => r.History).SingleOrDefaultAsync(r => r.ClientId == input.ClientId, cancellationToken);
            if (saved is null) throw;
            return new ReportSaved(saved, false);
        }
        return new ReportSaved(report, true);
    }

    /// <summary>
    /// The device's time, unless its clock is plainly wrong (ahead of the server, or before the incident began);
    /// then the time the report arrived. A wrong clock must not stop a report from the field.
    /// </summary>
    private DateTime ReportedAt(ReportInput input)
    {
        var now = clock.GetUtcNow();
        return input.ReportedAt is { } at && at <= now.AddMinutes(10) && (input.OccurredFrom is not { } from || DateOnly.FromDateTime(at.UtcDateTime) >= from)
            ? at.UtcDateTime
            : now.UtcDateTime;
    }

    public async Task<Outcome<Report>> UpdateAsync(Report report, ReportInput input, Guid userId, CancellationToken cancellationToken = default)
    {
        if (report.AuthorId != userId) return Refuse("report", ReportInputProblem.NotTheAuthor, "Only the author can change a report.");
        if (report.Status != ReportStatus.Draft)
            return Refuse("status", ReportInputProblem.NotADraft, $"The report is {report.Status}; only drafts can be changed.", report.Status);
        var refusals = await ApplyAsync(report, input, cancellationToken);
        if (refusals.Count > 0) return Outcome.Refuse<Report>(refusals);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>
    /// The author changes who may read a report until it is published or rejected: a Restricted report needs a
    /// coordinator among its readers to be reviewed, and a second one to be published.
    /// </summary>
    public async Task<Outcome<Report>> SetReadersAsync(Report report, IReadOnlyList<Guid> readerIds, Guid userId, CancellationToken cancellationToken = default)
    {
        if (report.AuthorId != userId) return Refuse("report", ReportInputProblem.NotTheAuthor, "Only the author can change a report.");
        if (ReportWorkflow.Allowed(report.Status).Count == 0)
            return Refuse("readerIds", ReportInputProblem.ReadersFinal, $"The report is {report.Status}; its readers can no longer change.", report.Status);
        var readers = readerIds.Distinct().ToList();
        if (!await AreUsersAsync(readers, cancellationToken))
            return Refuse("readerIds", ReportInputProblem.UnknownReaders, "Some readers are not users of Spean.");
        report.ReaderIds = readers;
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private static Refusal Refuse(string field, ReportInputProblem problem, string message, params object[] arguments) =>
        new(problem, message, arguments) { Field = field };

    /// <returns>One refusal per field at fault; none when the input was applied to the report.</returns>
    private async Task<IReadOnlyList<Refusal>> ApplyAsync(Report report, ReportInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldRefusals();
        void Fail(string field, ReportInputProblem problem, string message, params object[] arguments) => errors.Add(field, problem, message, arguments);

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) Fail("title", ReportInputProblem.TitleMissing, "Give the report a title.");
        else if (title.Length > 300) Fail("title", ReportInputProblem.TitleTooLong, "Keep the title under 300 characters.");
        if (string.IsNullOrWhiteSpace(input.Narrative)) Fail("narrative", ReportInputProblem.NarrativeMissing, "Describe what happened (narrative).");
        if (ReportCategories.Find(input.Category) is null)
        {
            var codes = string.Join(", ", ReportCategories.All.Select(c => c.Code));
            Fail("category", ReportInputProblem.UnknownCategory, $"Category must be one of: {codes}.", codes);
        }
        if (input.OccurredFrom is not { } from) Fail("occurredFrom", ReportInputProblem.DateMissing, "Say when it happened (occurredFrom, a date).");
        else if (input.OccurredTo is { } to && to < from) Fail("occurredTo", ReportInputProblem.EndBeforeStart, "The end date is before the start date.");
        var country = input.CountryIso3?.Trim().ToUpperInvariant() is { Length: > 0 } iso3 && iso3 != Report.Cambodia ? iso3 : null;
        if (country is not null && !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken))
            Fail("countryIso3", ReportInputProblem.UnknownCountry, $"\"{country}\" is not a country's ISO 3166 alpha-3 code (e.g. MMR, UKR); leave it empty for Cambodia.", country);
        var code = input.AdminUnitCode?.Trim() is { Length: > 0 } given ? given : null;
        if (country is null && (code is null || !await db.AdminUnits.AnyAsync(u => u.Code == code, cancellationToken)))
            Fail("adminUnitCode", ReportInputProblem.UnknownPlace, $"\"{code}\" is no place in the gazetteer; pick a province, district, commune or village.", code ?? "");
        else if (country is not null && code is not null)
            Fail("adminUnitCode", ReportInputProblem.PlaceInAnotherCountry,
                $"\"{code}\" is a place in Cambodia, but the report is located in {country}; leave the place empty or choose Cambodia.", code, country);
        if (input.Latitude is null != input.Longitude is null) Fail("latitude", ReportInputProblem.HalfAPoint, "Give both latitude and longitude, or neither.");
        else if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            if (country is not null && (Math.Abs(lat) > 90 || Math.Abs(lon) > 180))
                Fail("latitude", ReportInputProblem.NotAPoint, $"The point {lat}, {lon} is not on the Earth: latitude is between -90 and 90, longitude between -180 and 180.", lat, lon);
            else if (country is null && !cambodia.Contains(lat, lon))
                Fail("latitude", ReportInputProblem.OutsideCambodia,
                    $"The point {lat}, {lon} is outside Cambodia's borders; check the position, leave it out, or give the country the report is located in.", lat, lon);
        }
        if (new[] { input.AffectedWomen, input.AffectedMen, input.AffectedGirls, input.AffectedBoys, input.AffectedUnknown }.Any(n => n < 0))
            Fail("affected", ReportInputProblem.NegativeCount, "People affected cannot be negative.");
        var source = SourceKind.FirstHand;
        if (input.SourceKind is not null && !EnumNames.TryParse(input.SourceKind, out source))
            Fail("sourceKind", ReportInputProblem.UnknownSourceKind, "sourceKind is FirstHand or SecondHand.");
        var confidentiality = Confidentiality.Organisation;
        if (input.Confidentiality is not null && !EnumNames.TryParse(input.Confidentiality, out confidentiality))
            Fail("confidentiality", ReportInputProblem.UnknownConfidentiality, "confidentiality is Public, Network, Organisation or Restricted.");
        var links = Clean(input.MediaLinks);
        if (links.FirstOrDefault(l => !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) is { } bad)
            Fail("mediaLinks", ReportInputProblem.NotAWebAddress, $"\"{bad}\" is not a web address (http or https).", bad);
        var concessions = Clean(input.ConcessionIds);
        var known = await db.Concessions.Where(c => concessions.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (concessions.Except(known).FirstOrDefault() is { } unknownConcession)
            Fail("concessionIds", ReportInputProblem.UnknownConcession, $"There is no concession \"{unknownConcession}\".", unknownConcession);
        var recommendations = (input.RecommendationIds ?? []).Distinct().ToList();
        var knownRecommendations = await db.Recommendations.Where(r => recommendations.Contains(r.Id)).CountAsync(cancellationToken);
        if (knownRecommendations != recommendations.Count) Fail("recommendationIds", ReportInputProblem.UnknownRecommendations, "Some recommendation ids do not exist.");
        var readers = (input.ReaderIds ?? []).Distinct().ToList();
        if (!await AreUsersAsync(readers, cancellationToken))
            Fail("readerIds", ReportInputProblem.UnknownReaders, "Some readers are not users of Spean.");
        if (errors.Count > 0) return errors.All;

        report.Title = title;
        report.Narrative = input.Narrative!.Trim();
        report.Category = input.Category!;
        report.OccurredFrom = input.OccurredFrom!.Value;
        report.OccurredTo = input.OccurredTo;
        report.AdminUnitCode = code;
        report.CountryIso3 = country;
        report.Latitude = input.Latitude;
        report.Longitude = input.Longitude;
        report.AffectedWomen = input.AffectedWomen;
        report.AffectedMen = input.AffectedMen;
        report.AffectedGirls = input.AffectedGirls;
        report.AffectedBoys = input.AffectedBoys;
        report.AffectedUnknown = input.AffectedUnknown;
        report.SourceKind = source;
        report.MediaLinks = links;
        report.Tags = Clean(input.Tags);
        report.ConcessionIds = concessions;
        report.RecommendationIds = recommendations;
        report.Confidentiality = confidentiality;
        report.ReaderIds = readers;
        return errors.All;
    }

    private async Task<bool> AreUsersAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.Users.CountAsync(u => ids.Contains(u.Id), cancellationToken) == ids.Count;

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
}
