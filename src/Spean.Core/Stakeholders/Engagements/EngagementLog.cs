using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Protection;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders.Engagements;

/// <summary>Records engagements and their follow-ups and reads them back as a viewer may see them.</summary>
public sealed class EngagementLog(SpeanDbContext db, FieldCipher cipher, StakeholderRegister register, TimeProvider clock)
{
    public const int MaxFollowUps = 20;

    public async Task<Outcome<Engagement>> RecordAsync(
        EngagementInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var errors = new FieldRefusals();
        if (!StakeholderAccess.CanAdd(viewer))
            return new Refusal(EngagementProblem.MayNotRecord, "Only members, coordinators and administrators of an organisation record engagements.");
        if (!EnumNames.TryParse<EngagementKind>(input.Kind, out var kind))
            errors.Add("kind", EngagementProblem.UnknownKind, "'kind' is Meeting, Call, Letter, Event or Statement.");
        if (input.Date is not { } date)
        {
            errors.Add("date", EngagementProblem.DateRequired, "Give the date of the engagement (yyyy-mm-dd).");
            date = default;
        }
        var subject = Clean(input.Subject);
        if (subject is null || subject.Length > 300)
            errors.Add("subject", EngagementProblem.SubjectRequired, "Give a subject of at most 300 characters (e.g. 'Meeting with the commune council on the land dispute').");
        var confidentiality = Confidentiality.Organisation;
        if (Clean(input.Confidentiality) is { } named && !EnumNames.TryParse(named, out confidentiality))
            errors.Add("confidentiality", EngagementProblem.UnknownConfidentiality, "'confidentiality' is Public, Network, Organisation or Restricted.");
        var people = (input.ParticipantIds ?? []).Distinct().ToList();
        var organisations = (input.OrganisationIds ?? []).Distinct().ToList();
        var visible = await register.SummariesAsync(people.Concat(organisations), viewer, cancellationToken);
        if (people.Any(id => !visible.TryGetValue(id, out var s) || s.Kind != StakeholderKind.Person))
            errors.Add("participantIds", EngagementProblem.UnknownParticipant, "Every participant is the id of a person in the register that you may see.");
        if (organisations.Any(id => !visible.TryGetValue(id, out var s) || s.Kind == StakeholderKind.Person))
            errors.Add("organisationIds", EngagementProblem.UnknownParticipant, "Every organisation is the id of an organisation in the register that you may see.");
        var reports = (input.ReportIds ?? []).Distinct().ToList();
        if (reports.Count > 0 && await db.Reports.VisibleTo(viewer).CountAsync(r => reports.Contains(r.Id), cancellationToken) != reports.Count)
            errors.Add("reportIds", EngagementProblem.UnknownReport, "Every report is the id of a report you may see.");
        var recommendations = (input.RecommendationIds ?? []).Distinct().ToList();
        if (recommendations.Count > 0 && await db.Recommendations.CountAsync(r => recommendations.Contains(r.Id), cancellationToken) != recommendations.Count)
            errors.Add("recommendationIds", EngagementProblem.UnknownRecommendation, "Every recommendation is the id of a UPR recommendation in Spean.");
        if ((input.CampaignIds ?? []).Contains(Guid.Empty))
            errors.Add("campaignIds", EngagementProblem.UnknownCampaign, "A campaign is named by its id (a GUID, as in the campaign's link).");
        var readers = confidentiality == Confidentiality.Restricted ? (input.ReaderIds ?? []).Distinct().ToList() : [];
        if (readers.Count > 0 && await db.Users.CountAsync(u => readers.Contains(u.Id), cancellationToken) != readers.Count)
            errors.Add("readerIds", EngagementProblem.UnknownReader, "Some readers are not users of Spean; name readers by their user id.");
        if (errors.Count > 0) return Outcome.Refuse<Engagement>(errors.All);

        var engagement = new Engagement
        {
            Kind = kind, Date = date, Subject = subject!, OwnerOrganisationId = viewer.OrganisationId!.Value, AuthorId = viewer.UserId!.Value,
            RecordedAt = clock.GetUtcNow().UtcDateTime, Confidentiality = confidentiality, ReaderIds = readers, ParticipantIds = people,
            OrganisationIds = organisations, ReportIds = reports, RecommendationIds = recommendations, CampaignIds = [.. (input.CampaignIds ?? []).Distinct()],
            Topics = [.. (input.Topics ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)],
        };
        if (Clean(input.Agreed) is { } agreed) engagement.EncryptedAgreed = cipher.Encrypt(agreed, Context(engagement.Id));
        foreach (var (followUp, i) in (input.FollowUps ?? []).Take(MaxFollowUps).Select((f, i) => (f, i)))
        {
            if (await ValidateFollowUpAsync(engagement, followUp, $"followUps[{i}]", errors, cancellationToken) is { } valid)
                engagement.FollowUps.Add(valid);
        }
        if (errors.Count > 0) return Outcome.Refuse<Engagement>(errors.All);
        db.Add(engagement);
        await db.SaveChangesAsync(cancellationToken);
        return engagement;
    }

    public async Task<Outcome<FollowUp>> AddFollowUpAsync(
        Guid engagementId, FollowUpInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var engagement = await db.Set<Engagement>().VisibleTo(viewer).SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null) return new Refusal(EngagementProblem.NotFound, "There is no engagement with that id that you may see.");
        if (!StakeholderAccess.CanEdit(engagement, viewer))
            return new Refusal(EngagementProblem.MayNotEdit, "Only the author or members of the organisation that recorded the engagement may add to it.");
        var errors = new FieldRefusals();
        var followUp = await ValidateFollowUpAsync(engagement, input, "", errors, cancellationToken);
        if (followUp is null) return Outcome.Refuse<FollowUp>(errors.All);
        engagement.FollowUps.Add(followUp);
        db.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return followUp;
    }

    /// <summary>Marks a follow-up done or not done: its owner, or whoever may edit the engagement.</summary>
    public async Task<Refusal?> SetDoneAsync(Guid followUpId, bool done, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var followUp = await db.Set<FollowUp>().SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken);
        var engagement = followUp is null ? null
            : await db.Set<Engagement>().VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(e => e.Id == followUp.EngagementId, cancellationToken);
        if (followUp is null || engagement is null)
            return new Refusal(EngagementProblem.FollowUpNotFound, "There is no follow-up with that id that you may see.");
        if (followUp.OwnerId != viewer.UserId && !StakeholderAccess.CanEdit(engagement, viewer))
            return new Refusal(EngagementProblem.MayNotEdit, "Only the follow-up's owner or the engagement's editors may mark it done.");
        followUp.DoneAt = done ? followUp.DoneAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<EngagementView?> ViewAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var engagement = await db.Set<Engagement>().VisibleTo(viewer).Include(e => e.FollowUps).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return engagement is null ? null : (await ShapeAsync([engagement], viewer, cancellationToken))[0];
    }

    /// <summary>Every engagement the stakeholder took part in that the viewer may see, latest first.</summary>
    public async Task<IReadOnlyList<EngagementView>> ForStakeholderAsync(Guid stakeholderId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Engagement>().VisibleTo(viewer)
            .Where(e => e.ParticipantIds.Contains(stakeholderId) || e.OrganisationIds.Contains(stakeholderId))
            .Include(e => e.FollowUps).AsNoTracking().ToListAsync(cancellationToken);
        return await ShapeAsync([.. rows.OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt)], viewer, cancellationToken);
    }

    /// <summary>The viewer's own follow-ups not done yet, soonest due first, of engagements they may still see.</summary>
    public async Task<IReadOnlyList<FollowUpView>> PendingForAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId) return [];
        var rows = await db.Set<Engagement>().VisibleTo(viewer)
            .SelectMany(e => e.FollowUps.Where(f => f.OwnerId == userId && f.DoneAt == null), (e, f) => new { e.Subject, FollowUp = f })
            .AsNoTracking().ToListAsync(cancellationToken);
        var owners = await OwnersAsync(rows.Select(r => r.FollowUp.OwnerId), cancellationToken);
        return [.. rows.OrderBy(r => r.FollowUp.Due).Select(r => View(r.FollowUp, r.Subject, owners))];
    }

    private async Task<FollowUp?> ValidateFollowUpAsync(Engagement engagement, FollowUpInput input, string prefix, FieldRefusals errors, CancellationToken cancellationToken)
    {
        var field = (string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        var action = Clean(input.Action);
        if (action is null || action.Length > 1000)
            errors.Add(field("action"), EngagementProblem.ActionRequired, "Say what is to be done, in at most 1,000 characters.");
        if (input.Due is null) errors.Add(field("due"), EngagementProblem.DueRequired, "Give the date the follow-up is due (yyyy-mm-dd).");
        var owner = input.OwnerId is { } ownerId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId, cancellationToken) : null;
        if (owner is null)
            errors.Add(field("ownerId"), EngagementProblem.UnknownOwner, "Give the user id of the follow-up's owner.");
        else if (!StakeholderAccess.CanSee(engagement, new Viewer(owner.Id, owner.Role, owner.OrganisationId)))
            errors.Add(field("ownerId"), EngagementProblem.OwnerMayNotSee,
                "The owner may not see this engagement; choose someone who can, or name them a reader of a Restricted engagement.");
        if (errors.Count > 0) return null;
        return new FollowUp { EngagementId = engagement.Id, Action = action!, OwnerId = owner!.Id, Due = input.Due!.Value };
    }

    private async Task<List<EngagementView>> ShapeAsync(IReadOnlyList<Engagement> rows, Viewer viewer, CancellationToken cancellationToken)
    {
        var stakeholders = await register.SummariesAsync(rows.SelectMany(e => e.ParticipantIds.Concat(e.OrganisationIds)), viewer, cancellationToken);
        var reportIds = rows.SelectMany(e => e.ReportIds).Distinct().ToList();
        var reports = reportIds.Count == 0 ? [] : await db.Reports.VisibleTo(viewer).Where(r => reportIds.Contains(r.Id))
            .Select(r => new LinkedReportView(r.Id, r.Title, r.OccurredFrom)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var users = await OwnersAsync(rows.SelectMany(e => e.FollowUps.Select(f => f.OwnerId).Append(e.AuthorId)), cancellationToken);
        return [.. rows.Select(e => new EngagementView(
            e.Id, e.Kind, e.Date, e.Subject, e.Topics,
            [.. e.ParticipantIds.Select(id => new ParticipantView(stakeholders.GetValueOrDefault(id)))],
            [.. e.OrganisationIds.Select(id => new ParticipantView(stakeholders.GetValueOrDefault(id)))],
            e.RecommendationIds, [.. e.ReportIds.Where(reports.ContainsKey).Select(id => reports[id])], e.CampaignIds,
            StakeholderAccess.CanSeeAgreed(e, viewer) && e.EncryptedAgreed is { } agreed ? cipher.Decrypt(agreed, Context(e.Id)) : null,
            e.Confidentiality, viewer.IsAnonymous ? null : users.GetValueOrDefault(e.AuthorId), e.RecordedAt,
            viewer.IsAnonymous ? [] : [.. e.FollowUps.OrderBy(f => f.DoneAt is not null).ThenBy(f => f.Due).Select(f => View(f, e.Subject, users))],
            StakeholderAccess.CanEdit(e, viewer)))];
    }

    private async Task<Dictionary<Guid, string>> OwnersAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    private static FollowUpView View(FollowUp f, string subject, Dictionary<Guid, string> owners) =>
        new(f.Id, f.EngagementId, subject, f.Action, f.OwnerId, owners.GetValueOrDefault(f.OwnerId) ?? "", f.Due, f.DoneAt);

    private static string Context(Guid id) => FieldCipher.Context(nameof(Engagement), nameof(Engagement.EncryptedAgreed), id);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
