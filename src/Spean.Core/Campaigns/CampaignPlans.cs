using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Campaigns.Templates;
using Spean.Core.Data;

namespace Spean.Core.Campaigns;

[LabelPrefix("CampaignProblem")]
public enum CampaignProblem
{
    CampaignNotFound,
    MayNotChange,
    NoOrganisation,
    NameRequired,
    NamesRequired,
    TemplateUnknown,
    ObjectiveNotFound,
    ActionNotFound,
    IndicatorNotFound,
    GoalNotFound,
    MayNotGovern,
    MemberRequired,
    MemberUnknown,
    MemberNotFound,
    AlreadyMember,
    OwnerStays,
    TargetUnknown,
    NumberRequired,
    TitleRequired,
    CurrencyInvalid,
    CostNegative,
    OwnerUnknown,
    TooLong,
    InvalidValue,
}

public sealed record NewCampaign(string? NameEn, string? NameKm, CampaignConfidentiality Confidentiality, string? Template);

public sealed record NewAction(Guid ObjectiveId, string? TitleEn, string? TitleKm, ActionLevel Level, DateOnly? Due, Guid? OwnerUserId,
    Guid? OwnerOrganisationId, decimal? CostAmount, string? CostCurrency, IReadOnlyList<Guid>? TargetStakeholderIds);

/// <summary>Starting campaigns (empty or from a template), reading their plans, adding actions and recording their progress.</summary>
public sealed class CampaignPlans(SpeanDbContext db, CampaignTemplates templates, CampaignTargets targets, TimeProvider time)
{
    public async Task<IReadOnlyList<Campaign>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        await db.Set<Campaign>().Where(CampaignAccess.VisibleTo(viewer)).OrderBy(c => c.NameEn).ToListAsync(cancellationToken);

    /// <summary>The campaign with its members and whole plan, or null when it does not exist or the viewer may not see it.</summary>
    public Task<Campaign?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Set<Campaign>().Where(c => c.Id == id).Where(CampaignAccess.VisibleTo(viewer))
            .Include(c => c.Members)
            .Include(c => c.Goals).ThenInclude(g => g.Objectives).ThenInclude(o => o.Actions)
            .Include(c => c.Goals).ThenInclude(g => g.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Measurements)
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    public async Task<Outcome<Campaign>> StartAsync(NewCampaign request, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.OrganisationId is not { } organisation || viewer.Role is not { } role || role > Role.Member)
            return new Refusal(CampaignProblem.NoOrganisation,
                "Only a member, coordinator or administrator of an organisation can start a campaign; ask your administrator for such an account.");
        CampaignTemplate? template = null;
        if (!string.IsNullOrWhiteSpace(request.Template) && (template = templates.Find(request.Template)) is null)
            return new Refusal(CampaignProblem.TemplateUnknown,
                $"There is no template '{request.Template}'. Choose one of: {string.Join(", ", templates.All.Select(t => t.Key))}.", request.Template);
        var nameEn = Clean(request.NameEn) ?? template?.NameEn;
        var nameKm = Clean(request.NameKm) ?? template?.NameKm ?? nameEn;
        if (nameEn is null || nameKm is null)
            return new Refusal(CampaignProblem.NameRequired, "Give the campaign a name (nameEn), or start it from a template.");
        if (nameEn.Length > 300 || nameKm.Length > 300)
            return new Refusal(CampaignProblem.TooLong, "Shorten the campaign's name to 300 characters or fewer.", 300);
        var campaign = new Campaign
        {
            OrganisationId = organisation, NameEn = nameEn, NameKm = nameKm, Confidentiality = request.Confidentiality,
            Template = template?.Key, CreatedAt = time.GetUtcNow().UtcDateTime,
            KeywordsEn = template?.KeywordsEn ?? "", KeywordsKm = template?.KeywordsKm ?? "",
            FollowsMineBan = template?.FollowsMineBan ?? false, FollowsClusterMunitions = template?.FollowsClusterMunitions ?? false,
        };
        campaign.Members.Add(new CampaignMember { CampaignId = campaign.Id, OrganisationId = organisation });
        if (template is not null) template.CopyInto(campaign);
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    public async Task<Outcome<CampaignAction>> AddActionAsync(Guid campaignId, NewAction request, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        var objective = campaign.Goals.SelectMany(g => g.Objectives).FirstOrDefault(o => o.Id == request.ObjectiveId);
        if (objective is null)
            return new Refusal(CampaignProblem.ObjectiveNotFound,
                $"The campaign has no objective '{request.ObjectiveId}'. Take an objective id from the campaign's plan.", request.ObjectiveId);
        var checkedInput = await CheckActionAsync(new ActionInput(request.TitleEn, request.TitleKm, request.Level, request.Due, request.OwnerUserId,
            request.OwnerOrganisationId, request.CostAmount, request.CostCurrency, request.TargetStakeholderIds), [], viewer, cancellationToken);
        if (checkedInput.Refused) return Outcome.Refuse<CampaignAction>(checkedInput.Refusals);
        var action = new CampaignAction
        {
            ObjectiveId = objective.Id, CampaignId = campaign.Id, Order = objective.Actions.Select(a => a.Order).DefaultIfEmpty().Max() + 1,
            TitleEn = checkedInput.Value.TitleEn, TitleKm = checkedInput.Value.TitleKm,
        };
        checkedInput.Value.CopyTo(action);
        db.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task<Refusal?> SetStatusAsync(Guid campaignId, Guid actionId, ActionStatus status, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal;
        if (campaign.Goals.SelectMany(g => g.Objectives).SelectMany(o => o.Actions).FirstOrDefault(a => a.Id == actionId) is not { } action)
            return new Refusal(CampaignProblem.ActionNotFound, $"The campaign has no action '{actionId}'.", actionId);
        action.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Refusal?> MeasureAsync(Guid campaignId, Guid indicatorId, DateOnly date, decimal value, string? note, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal;
        if (campaign.Goals.SelectMany(g => g.Objectives).SelectMany(o => o.Indicators).FirstOrDefault(i => i.Id == indicatorId) is not { } indicator)
            return new Refusal(CampaignProblem.IndicatorNotFound, $"The campaign has no indicator '{indicatorId}'.", indicatorId);
        if (Clean(note) is { Length: > 1_000 })
            return new Refusal(CampaignProblem.TooLong, "Shorten the note to 1000 characters or fewer.", 1_000);
        db.Add(new IndicatorMeasurement { IndicatorId = indicator.Id, Date = date, Value = value, Note = Clean(note) });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Checks an action's fields once for the new-action and edit forms and the API; targets must be register entries the viewer sees, or ones already there.</summary>
    internal async Task<Outcome<CheckedAction>> CheckActionAsync(ActionInput input, IReadOnlyCollection<Guid> kept, Viewer viewer,
        CancellationToken cancellationToken)
    {
        var errors = new FieldRefusals();
        var titleEn = Clean(input.TitleEn);
        var titleKm = Clean(input.TitleKm) ?? titleEn;
        if (titleEn is null) errors.Add("titleEn", CampaignProblem.TitleRequired, "Say what the action is (titleEn, and titleKm in Khmer).");
        else if (titleEn.Length > 1_000) errors.Add("titleEn", CampaignProblem.TooLong, "Shorten the action's English title to 1000 characters or fewer.", 1_000);
        if (titleKm is { Length: > 1_000 }) errors.Add("titleKm", CampaignProblem.TooLong, "Shorten the action's Khmer title to 1000 characters or fewer.", 1_000);
        if (!Enum.IsDefined(input.Level)) errors.Add("level", CampaignProblem.InvalidValue, "Choose the level: Local, Provincial, National or International.");
        if (input.CostAmount is < 0) errors.Add("costAmount", CampaignProblem.CostNegative, "A cost cannot be negative; give the amount the action costs, or none.");
        var currency = Clean(input.CostCurrency)?.ToUpperInvariant();
        if (input.CostAmount is not null && (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
            errors.Add("costCurrency", CampaignProblem.CurrencyInvalid, "Give the cost's currency as a three-letter code such as USD or KHR.");
        if (input.OwnerUserId is not null && input.OwnerOrganisationId is not null)
            errors.Add("ownerUserId", CampaignProblem.OwnerUnknown, "Give the action one owner: a user (ownerUserId) or an organisation (ownerOrganisationId), not both.");
        else if (input.OwnerUserId is { } ownerUser && !await db.Users.AnyAsync(u => u.Id == ownerUser, cancellationToken))
            errors.Add("ownerUserId", CampaignProblem.OwnerUnknown, "The owner is not a user of this network; choose one from the list.");
        else if (input.OwnerOrganisationId is { } ownerOrganisation && !await db.Organisations.AnyAsync(o => o.Id == ownerOrganisation, cancellationToken))
            errors.Add("ownerOrganisationId", CampaignProblem.OwnerUnknown, "The owner is not an organisation of this network; choose one from the list.");
        var wanted = (input.TargetStakeholderIds ?? []).Distinct().ToList();
        if (wanted.Count > 100) errors.Add("targetStakeholderIds", CampaignProblem.TooLong, "Target at most 100 stakeholders with one action.", 100);
        var fresh = wanted.Except(kept).ToList();
        if (fresh.Count > 0 && (await targets.VisibleAsync(fresh, viewer, cancellationToken)).Count != fresh.Count)
            errors.Add("targetStakeholderIds", CampaignProblem.TargetUnknown,
                "Some targets are not in the stakeholder register as you see it; choose targets from the register.");
        if (errors.Count > 0) return Outcome.Refuse<CheckedAction>(errors.All);
        return new CheckedAction(titleEn!, titleKm!, input.Level, input.Due, input.OwnerUserId, input.OwnerOrganisationId, input.CostAmount,
            input.CostAmount is null ? null : currency, wanted);
    }

    internal sealed record CheckedAction(string TitleEn, string TitleKm, ActionLevel Level, DateOnly? Due, Guid? OwnerUserId, Guid? OwnerOrganisationId,
        decimal? CostAmount, string? CostCurrency, List<Guid> Targets)
    {
        public void CopyTo(CampaignAction action)
        {
            (action.TitleEn, action.TitleKm, action.Level, action.Due) = (TitleEn, TitleKm, Level, Due);
            (action.OwnerUserId, action.OwnerOrganisationId, action.CostAmount, action.CostCurrency) = (OwnerUserId, OwnerOrganisationId, CostAmount, CostCurrency);
            action.TargetStakeholderIds = Targets;
        }
    }

    internal async Task<Outcome<Campaign>> ChangeableAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(id, viewer, cancellationToken);
        if (campaign is null)
            return new Refusal(CampaignProblem.CampaignNotFound, $"No campaign you may see has the id '{id}'. Check the link.", id);
        return CampaignAccess.MayChange(campaign, viewer)
            ? campaign
            : new Refusal(CampaignProblem.MayNotChange,
                "Only members, coordinators and administrators of the campaign's organisations can change it; ask its coordinator to add your organisation.");
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
