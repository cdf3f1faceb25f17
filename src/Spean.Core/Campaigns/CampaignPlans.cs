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
    TemplateUnknown,
    ObjectiveNotFound,
    ActionNotFound,
    IndicatorNotFound,
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

/// <summary>Starting campaigns (empty or from a template), reading their plans and changing actions and indicators.</summary>
public sealed class CampaignPlans(SpeanDbContext db, CampaignTemplates templates, TimeProvider time)
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
        var titleEn = Clean(request.TitleEn);
        var titleKm = Clean(request.TitleKm) ?? titleEn;
        if (titleEn is null || titleKm is null)
            return new Refusal(CampaignProblem.TitleRequired, "Say what the action is (titleEn, and titleKm in Khmer).");
        if (titleEn.Length > 1_000 || titleKm.Length > 1_000)
            return new Refusal(CampaignProblem.TooLong, "Shorten the action's title to 1000 characters or fewer.", 1_000);
        if (request.CostAmount is < 0)
            return new Refusal(CampaignProblem.CostNegative, "A cost cannot be negative; give the amount the action costs, or none.");
        var currency = Clean(request.CostCurrency)?.ToUpperInvariant();
        if (request.CostAmount is not null && (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
            return new Refusal(CampaignProblem.CurrencyInvalid, "Give the cost's currency as a three-letter code such as USD or KHR.");
        if (request.OwnerUserId is { } ownerUser && !await db.Users.AnyAsync(u => u.Id == ownerUser, cancellationToken)
            || request.OwnerOrganisationId is { } ownerOrganisation && !await db.Organisations.AnyAsync(o => o.Id == ownerOrganisation, cancellationToken))
            return new Refusal(CampaignProblem.OwnerUnknown, "The owner is neither a user nor an organisation of this network; choose one from the list.");
        var action = new CampaignAction
        {
            ObjectiveId = objective.Id, CampaignId = campaign.Id, Order = objective.Actions.Count + 1, TitleEn = titleEn, TitleKm = titleKm,
            Level = request.Level, Due = request.Due, OwnerUserId = request.OwnerUserId, OwnerOrganisationId = request.OwnerOrganisationId,
            CostAmount = request.CostAmount, CostCurrency = request.CostAmount is null ? null : currency,
            TargetStakeholderIds = [.. (request.TargetStakeholderIds ?? []).Distinct()],
        };
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

    private async Task<Outcome<Campaign>> ChangeableAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
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
