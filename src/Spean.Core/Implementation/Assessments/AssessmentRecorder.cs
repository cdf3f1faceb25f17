using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Implementation.Assessments;

/// <summary>One piece of evidence as sent: Kind is FieldReport (ReportId), PublicSource (Url, Title, Date) or GovernmentStatement (Title, Date, Url optional).</summary>
public sealed record EvidenceInput(string? Kind, Guid? ReportId = null, string? Url = null, string? Title = null, DateOnly? Date = null);

/// <summary>What an organisation says about one or many recommendations; enums travel as their names.</summary>
public sealed record AssessmentInput(
    string? Status, DateOnly? AsOf, string? NarrativeEn = null, string? NarrativeKm = null,
    bool Consolidated = false, bool Published = false, IReadOnlyList<EvidenceInput>? Evidence = null);

public enum AssessmentProblem
{
    NotAMember,
    NoOrganisation,
    OnlyCoordinatorsConsolidate,
    OnlyCoordinatorsPublish,
    NoRecommendations,
    TooManyRecommendations,
    UnknownRecommendations,
    UnknownStatus,
    AsOfMissing,
    AsOfInFuture,
    NarrativeTooLong,
    TooMuchEvidence,
    UnknownEvidenceKind,
    ReportMissing,
    ReportNotVisible,
    NotAWebAddress,
    EvidenceTitleMissing,
    EvidenceTitleTooLong,
    EvidenceDateInFuture,
    AssessmentNotFound,
}

/// <summary>
/// Records assessments, one recommendation or many in one transaction, keeping each history whole: the new row
/// supersedes the organisation's current one (or, consolidated, the coalition's current one) for that recommendation.
/// </summary>
public sealed class AssessmentRecorder(SpeanDbContext db, TimeProvider clock)
{
    /// <summary>The bulk form assesses at most this many recommendations at once; a larger selection is to be narrowed.</summary>
    public const int MaxRecommendations = 200;
    public const int MaxEvidence = 50;

    /// <returns>The assessments saved, one per recommendation; or the refusals, one per field at fault.</returns>
    public async Task<Outcome<IReadOnlyList<Assessment>>> RecordAsync(
        IReadOnlyCollection<Guid> recommendationIds, AssessmentInput input, Viewer viewer, string authorName, CancellationToken cancellationToken = default)
    {
        var errors = new FieldRefusals();
        void Fail(string field, AssessmentProblem problem, string message, params object[] arguments) => errors.Add(field, problem, message, arguments);

        if (viewer.UserId is not { } userId || viewer.Role is not { } role || role > Role.Member)
            return Refuse("author", AssessmentProblem.NotAMember, "Only members of an organisation, coordinators and administrators record assessments.");
        if (viewer.OrganisationId is not { } organisationId)
            return Refuse("author", AssessmentProblem.NoOrganisation,
                "Your account belongs to no organisation; ask an administrator to add you to one before recording assessments.");
        if (input.Consolidated && role > Role.Coordinator)
            Fail("consolidated", AssessmentProblem.OnlyCoordinatorsConsolidate, "Only coordinators record the coalition's consolidated assessment.");
        if (input.Published && role > Role.Coordinator)
            Fail("published", AssessmentProblem.OnlyCoordinatorsPublish, "Only coordinators publish assessments; leave published false.");

        var ids = recommendationIds.Distinct().ToList();
        if (ids.Count == 0) Fail("recommendationIds", AssessmentProblem.NoRecommendations, "Choose at least one recommendation to assess.");
        else if (ids.Count > MaxRecommendations)
            Fail("recommendationIds", AssessmentProblem.TooManyRecommendations,
                $"Assess at most {MaxRecommendations} recommendations at once; narrow the search.", MaxRecommendations);
        else if (await db.Recommendations.CountAsync(r => ids.Contains(r.Id), cancellationToken) != ids.Count)
            Fail("recommendationIds", AssessmentProblem.UnknownRecommendations, "Some recommendation ids do not exist.");

        var status = ImplementationStatus.NotImplemented;
        if (input.Status is null || !EnumNames.TryParse(input.Status, out status))
            Fail("status", AssessmentProblem.UnknownStatus, "status is NotImplemented, PartiallyImplemented, FullyImplemented or CannotBeAssessed.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.AsOf is not { } asOf) Fail("asOf", AssessmentProblem.AsOfMissing, "Say as of which date the assessment holds (asOf, a date).");
        else if (asOf > today.AddDays(1))
            Fail("asOf", AssessmentProblem.AsOfInFuture, $"The date {asOf:yyyy-MM-dd} is in the future; an assessment says how things stand as of today or earlier.", asOf);
        var narrativeEn = Trimmed(input.NarrativeEn);
        var narrativeKm = Trimmed(input.NarrativeKm);
        if (narrativeEn?.Length > 20_000 || narrativeKm?.Length > 20_000)
            Fail("narrative", AssessmentProblem.NarrativeTooLong, "Keep each narrative under 20,000 characters.");

        var evidence = await EvidenceAsync(input.Evidence ?? [], viewer, today, Fail, cancellationToken);
        if (errors.Count > 0) return Outcome.Refuse<IReadOnlyList<Assessment>>(errors.All);

        var consolidated = input.Consolidated;
        var superseded = await db.Assessments
            .Where(a => ids.Contains(a.RecommendationId) && a.IsCurrent && a.Consolidated == consolidated
                && (consolidated || a.OrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        var previous = superseded.GroupBy(a => a.RecommendationId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RecordedAt).First().Id);
        foreach (var old in superseded) old.IsCurrent = false;

        var now = clock.GetUtcNow().UtcDateTime;
        var saved = ids.Select(id => new Assessment
        {
            RecommendationId = id, OrganisationId = organisationId, Consolidated = consolidated, Status = status, AsOf = input.AsOf!.Value,
            NarrativeEn = narrativeEn, NarrativeKm = narrativeKm, Published = input.Published, AuthorId = userId, Author = authorName,
            RecordedAt = now, PreviousId = previous.TryGetValue(id, out var p) ? p : null,
            Evidence = [.. evidence.Select(e => new AssessmentEvidence { Kind = e.Kind, ReportId = e.ReportId, Url = e.Url, Title = e.Title, Date = e.Date })],
        }).ToList();
        db.Assessments.AddRange(saved);
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    /// <summary>Coordinators publish an assessment to visitors and the public scorecard, or take it back; the one field changed in place.</summary>
    public async Task<Outcome<Assessment>> SetPublishedAsync(Guid id, bool published, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.Role is not { } role || role > Role.Coordinator)
            return Refuse("published", AssessmentProblem.OnlyCoordinatorsPublish, "Only coordinators publish assessments.");
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null) return Refuse("id", AssessmentProblem.AssessmentNotFound, $"No assessment has the id '{id}'.", id);
        assessment.Published = published;
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    private static Refusal Refuse(string field, AssessmentProblem problem, string message, params object[] arguments) =>
        new(problem, message, arguments) { Field = field };

    private async Task<List<AssessmentEvidence>> EvidenceAsync(
        IReadOnlyList<EvidenceInput> items, Viewer viewer, DateOnly today, Action<string, AssessmentProblem, string, object[]> fail, CancellationToken cancellationToken)
    {
        var result = new List<AssessmentEvidence>();
        if (items.Count > MaxEvidence)
        {
            fail("evidence", AssessmentProblem.TooMuchEvidence, $"Give at most {MaxEvidence} pieces of evidence.", [MaxEvidence]);
            return result;
        }
        var reportIds = items.Where(i => i.ReportId is not null).Select(i => i.ReportId!.Value).Distinct().ToList();
        var visible = await db.Reports.VisibleTo(viewer).Where(r => reportIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var field = $"evidence[{n}]";
            if (item.Kind is null || !EnumNames.TryParse(item.Kind, out AssessmentEvidenceKind kind))
            {
                fail(field, AssessmentProblem.UnknownEvidenceKind, "Evidence kind is FieldReport, PublicSource or GovernmentStatement.", []);
                continue;
            }
            if (kind == AssessmentEvidenceKind.FieldReport)
            {
                if (item.ReportId is not { } reportId) fail(field, AssessmentProblem.ReportMissing, "Field-report evidence needs the report's id (reportId).", []);
                // The same answer whether the report does not exist or the author may not see it: no probing for report ids.
                else if (!visible.Contains(reportId))
                    fail(field, AssessmentProblem.ReportNotVisible, $"No report you may see has the id '{reportId}'; choose one of your own or one shared with you.", [reportId]);
                else result.Add(new AssessmentEvidence { Kind = kind, ReportId = reportId });
                continue;
            }
            var url = Trimmed(item.Url);
            var title = Trimmed(item.Title);
            if (kind == AssessmentEvidenceKind.PublicSource && url is null)
                fail(field, AssessmentProblem.NotAWebAddress, "A public source needs its web address (url, http or https).", [""]);
            else if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                fail(field, AssessmentProblem.NotAWebAddress, $"\"{url}\" is not a web address (http or https).", [url]);
            if (title is null) fail(field, AssessmentProblem.EvidenceTitleMissing, "Give the source or statement a title.", []);
            else if (title.Length > 500) fail(field, AssessmentProblem.EvidenceTitleTooLong, "Keep an evidence title under 500 characters.", []);
            if (item.Date is { } date && date > today.AddDays(1))
                fail(field, AssessmentProblem.EvidenceDateInFuture, $"The date {date:yyyy-MM-dd} is in the future.", [date]);
            result.Add(new AssessmentEvidence { Kind = kind, Url = url, Title = title, Date = item.Date });
        }
        return result;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
