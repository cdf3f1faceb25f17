using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Campaigns;

/// <summary>A campaign's own fields; a null confidentiality, keywords or treaty choice leaves it as it is.</summary>
public sealed record CampaignSettings(string? NameEn, string? NameKm, CampaignConfidentiality? Confidentiality, string? KeywordsEn, string? KeywordsKm,
    bool? FollowsMineBan = null, bool? FollowsClusterMunitions = null);

/// <summary>The title of a goal or an objective, in both languages.</summary>
public sealed record PlanTitle(string? TitleEn, string? TitleKm);

public sealed record IndicatorInput(string? NameEn, string? NameKm, decimal? Baseline, decimal? Target);

public sealed record ActionInput(string? TitleEn, string? TitleKm, ActionLevel Level, DateOnly? Due, Guid? OwnerUserId, Guid? OwnerOrganisationId,
    decimal? CostAmount, string? CostCurrency, IReadOnlyList<Guid>? TargetStakeholderIds);

[LabelPrefix("PlanItem")]
public enum PlanItem
{
    Goal,
    Objective,
    Action,
    Indicator,
}

/// <summary>Which way an item moves among its siblings.</summary>
public enum Move
{
    Up,
    Down,
}

/// <summary>
/// Changing a campaign after it started: its name, keywords and who reads it, its members, and every goal, objective,
/// action and indicator of its plan. Each change goes through <see cref="CampaignAccess"/> like the rest of the module.
/// </summary>
public sealed class CampaignEditor(SpeanDbContext db, CampaignPlans plans)
{
    public async Task<Outcome<Campaign>> UpdateAsync(Guid campaignId, CampaignSettings input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        var errors = new FieldRefusals();
        var nameEn = CampaignPlans.Clean(input.NameEn);
        var nameKm = CampaignPlans.Clean(input.NameKm);
        if (nameEn is null) errors.Add("nameEn", CampaignProblem.NamesRequired, "Give the campaign a name in English (nameEn).");
        else if (nameEn.Length > 300) errors.Add("nameEn", CampaignProblem.TooLong, "Shorten the English name to 300 characters or fewer.", 300);
        if (nameKm is null) errors.Add("nameKm", CampaignProblem.NamesRequired, "Give the campaign a name in Khmer (nameKm).");
        else if (nameKm.Length > 300) errors.Add("nameKm", CampaignProblem.TooLong, "Shorten the Khmer name to 300 characters or fewer.", 300);
        var keywordsEn = input.KeywordsEn is null ? campaign.KeywordsEn : Keywords(input.KeywordsEn);
        var keywordsKm = input.KeywordsKm is null ? campaign.KeywordsKm : Keywords(input.KeywordsKm);
        var confidentiality = input.Confidentiality ?? campaign.Confidentiality;
        if (keywordsEn.Length > 2_000) errors.Add("keywordsEn", CampaignProblem.TooLong, "Shorten the English keywords to 2000 characters or fewer.", 2_000);
        if (keywordsKm.Length > 2_000) errors.Add("keywordsKm", CampaignProblem.TooLong, "Shorten the Khmer keywords to 2000 characters or fewer.", 2_000);
        if (confidentiality != campaign.Confidentiality && !CampaignAccess.MayGovern(campaign, viewer))
            errors.Add("confidentiality", CampaignProblem.MayNotGovern,
                "Only members, coordinators and administrators of the organisation that owns the campaign decide who may see it; leave confidentiality as it is.");
        else if (!Enum.IsDefined(confidentiality))
            errors.Add("confidentiality", CampaignProblem.InvalidValue, "Choose Network or Organisation as the confidentiality.");
        if (errors.Count > 0) return Outcome.Refuse<Campaign>(errors.All);
        (campaign.NameEn, campaign.NameKm, campaign.KeywordsEn, campaign.KeywordsKm) = (nameEn!, nameKm!, keywordsEn, keywordsKm);
        campaign.Confidentiality = confidentiality;
        campaign.FollowsMineBan = input.FollowsMineBan ?? campaign.FollowsMineBan;
        campaign.FollowsClusterMunitions = input.FollowsClusterMunitions ?? campaign.FollowsClusterMunitions;
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Adds a partner organisation (all its users) or one user; both then read an Organisation campaign and hear of its news.</summary>
    public async Task<Outcome<CampaignMember>> AddMemberAsync(Guid campaignId, Guid? organisationId, Guid? userId, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await GovernableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (organisationId is null == userId is null)
            return new Refusal(CampaignProblem.MemberRequired, "Name either one organisation (organisationId) or one user (userId) to add.") { Field = "organisationId" };
        if (organisationId is { } o && !await db.Organisations.AnyAsync(x => x.Id == o, cancellationToken)
            || userId is { } u && !await db.Users.AnyAsync(x => x.Id == u, cancellationToken))
            return new Refusal(CampaignProblem.MemberUnknown, "That is neither an organisation nor a user of this network; choose one from the list.")
                { Field = organisationId is null ? "userId" : "organisationId" };
        if (campaign.Members.Any(m => m.OrganisationId == organisationId && m.UserId == userId))
            return new Refusal(CampaignProblem.AlreadyMember, "That organisation or user already takes part in the campaign.")
                { Field = organisationId is null ? "userId" : "organisationId" };
        var member = new CampaignMember { CampaignId = campaign.Id, OrganisationId = organisationId, UserId = userId };
        db.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    public async Task<Refusal?> RemoveMemberAsync(Guid campaignId, Guid memberId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await GovernableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal;
        if (campaign.Members.FirstOrDefault(m => m.Id == memberId) is not { } member)
            return new Refusal(CampaignProblem.MemberNotFound, $"The campaign has no member '{memberId}'.", memberId);
        if (member.OrganisationId == campaign.OrganisationId)
            return new Refusal(CampaignProblem.OwnerStays, "The organisation that owns the campaign stays a member of it.");
        db.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Outcome<Goal>> AddGoalAsync(Guid campaignId, PlanTitle input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (Title(input, "goal") is { Count: > 0 } wrong) return Outcome.Refuse<Goal>(wrong);
        var goal = new Goal
        {
            CampaignId = campaign.Id, Order = campaign.Goals.Select(g => g.Order).DefaultIfEmpty().Max() + 1,
            TitleEn = input.TitleEn!.Trim(), TitleKm = input.TitleKm!.Trim(),
        };
        db.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    public async Task<Outcome<Goal>> EditGoalAsync(Guid campaignId, Guid goalId, PlanTitle input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (campaign.Goals.FirstOrDefault(g => g.Id == goalId) is not { } goal) return GoalNotFound(goalId);
        if (Title(input, "goal") is { Count: > 0 } wrong) return Outcome.Refuse<Goal>(wrong);
        (goal.TitleEn, goal.TitleKm) = (input.TitleEn!.Trim(), input.TitleKm!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    public async Task<Outcome<Objective>> AddObjectiveAsync(Guid campaignId, Guid goalId, PlanTitle input, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (campaign.Goals.FirstOrDefault(g => g.Id == goalId) is not { } goal) return GoalNotFound(goalId);
        if (Title(input, "objective") is { Count: > 0 } wrong) return Outcome.Refuse<Objective>(wrong);
        var objective = new Objective
        {
            GoalId = goal.Id, Order = goal.Objectives.Select(o => o.Order).DefaultIfEmpty().Max() + 1,
            TitleEn = input.TitleEn!.Trim(), TitleKm = input.TitleKm!.Trim(),
        };
        db.Add(objective);
        await db.SaveChangesAsync(cancellationToken);
        return objective;
    }

    public async Task<Outcome<Objective>> EditObjectiveAsync(Guid campaignId, Guid objectiveId, PlanTitle input, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (Objectives(campaign).FirstOrDefault(o => o.Id == objectiveId) is not { } objective) return ObjectiveNotFound(objectiveId);
        if (Title(input, "objective") is { Count: > 0 } wrong) return Outcome.Refuse<Objective>(wrong);
        (objective.TitleEn, objective.TitleKm) = (input.TitleEn!.Trim(), input.TitleKm!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return objective;
    }

    public async Task<Outcome<CampaignAction>> EditActionAsync(Guid campaignId, Guid actionId, ActionInput input, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (Objectives(campaign).SelectMany(o => o.Actions).FirstOrDefault(a => a.Id == actionId) is not { } action)
            return new Refusal(CampaignProblem.ActionNotFound, $"The campaign has no action '{actionId}'.", actionId);
        var checkedInput = await plans.CheckActionAsync(input, action.TargetStakeholderIds, viewer, cancellationToken);
        if (checkedInput.Refused) return Outcome.Refuse<CampaignAction>(checkedInput.Refusals);
        checkedInput.Value.CopyTo(action);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task<Outcome<Indicator>> AddIndicatorAsync(Guid campaignId, Guid objectiveId, IndicatorInput input, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (Objectives(campaign).FirstOrDefault(o => o.Id == objectiveId) is not { } objective) return ObjectiveNotFound(objectiveId);
        if (CheckIndicator(input) is { Count: > 0 } wrong) return Outcome.Refuse<Indicator>(wrong);
        var indicator = new Indicator
        {
            ObjectiveId = objective.Id, CampaignId = campaign.Id, NameEn = input.NameEn!.Trim(), NameKm = input.NameKm!.Trim(),
            Baseline = input.Baseline!.Value, Target = input.Target!.Value,
        };
        db.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    public async Task<Outcome<Indicator>> EditIndicatorAsync(Guid campaignId, Guid indicatorId, IndicatorInput input, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        if (Objectives(campaign).SelectMany(o => o.Indicators).FirstOrDefault(i => i.Id == indicatorId) is not { } indicator)
            return new Refusal(CampaignProblem.IndicatorNotFound, $"The campaign has no indicator '{indicatorId}'.", indicatorId);
        if (CheckIndicator(input) is { Count: > 0 } wrong) return Outcome.Refuse<Indicator>(wrong);
        (indicator.NameEn, indicator.NameKm) = (input.NameEn!.Trim(), input.NameKm!.Trim());
        (indicator.Baseline, indicator.Target) = (input.Baseline!.Value, input.Target!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    /// <summary>Removes a goal, objective, action or indicator, with everything under it (objectives, actions, indicators, measurements).</summary>
    public async Task<Refusal?> RemoveAsync(Guid campaignId, PlanItem kind, Guid itemId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal;
        if (Find(campaign, kind, itemId) is not { } item) return NotFound(kind, itemId);
        db.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Swaps a goal, objective or action with its neighbour above or below; at either end nothing moves.</summary>
    public async Task<Refusal?> MoveAsync(Guid campaignId, PlanItem kind, Guid itemId, Move move, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal;
        switch (Find(campaign, kind, itemId))
        {
            case null:
                return NotFound(kind, itemId);
            case Goal goal:
                Swap(campaign.Goals, goal, g => g.Order, (g, o) => g.Order = o, move);
                break;
            case Objective objective:
                Swap(campaign.Goals.Single(g => g.Id == objective.GoalId).Objectives, objective, o => o.Order, (x, o) => x.Order = o, move);
                break;
            case CampaignAction action:
                Swap(Objectives(campaign).Single(o => o.Id == action.ObjectiveId).Actions, action, a => a.Order, (a, o) => a.Order = o, move);
                break;
            default:
                return new Refusal(CampaignProblem.InvalidValue, "Only goals, objectives and actions have an order; indicators are listed as they were added.");
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Outcome<Campaign>> GovernableAsync(Guid campaignId, Viewer viewer, CancellationToken cancellationToken)
    {
        var (campaign, refusal) = await plans.ChangeableAsync(campaignId, viewer, cancellationToken);
        if (campaign is null) return refusal!;
        return CampaignAccess.MayGovern(campaign, viewer)
            ? campaign
            : new Refusal(CampaignProblem.MayNotGovern,
                "Only members, coordinators and administrators of the organisation that owns the campaign decide who takes part; ask them.");
    }

    private static IReadOnlyList<Refusal> Title(PlanTitle input, string what)
    {
        var errors = new FieldRefusals();
        foreach (var (field, text, language) in new[] { ("titleEn", input.TitleEn, "English"), ("titleKm", input.TitleKm, "Khmer") })
        {
            if (CampaignPlans.Clean(text) is not { } clean) errors.Add(field, CampaignProblem.TitleRequired, $"Give the {what} a title in {language} ({field}).");
            else if (clean.Length > 1_000) errors.Add(field, CampaignProblem.TooLong, $"Shorten the {what}'s {language} title to 1000 characters or fewer.", 1_000);
        }
        return errors.Count > 0 ? errors.All : [];
    }

    private static IReadOnlyList<Refusal> CheckIndicator(IndicatorInput input)
    {
        var errors = new FieldRefusals();
        foreach (var (field, text, language) in new[] { ("nameEn", input.NameEn, "English"), ("nameKm", input.NameKm, "Khmer") })
        {
            if (CampaignPlans.Clean(text) is not { } clean) errors.Add(field, CampaignProblem.TitleRequired, $"Name the indicator in {language} ({field}).");
            else if (clean.Length > 500) errors.Add(field, CampaignProblem.TooLong, $"Shorten the indicator's {language} name to 500 characters or fewer.", 500);
        }
        if (input.Baseline is not { } baseline || Math.Abs(baseline) >= 100_000_000_000_000m)
            errors.Add("baseline", CampaignProblem.NumberRequired, "Give the baseline as a number: the value when the campaign started.");
        if (input.Target is not { } target || Math.Abs(target) >= 100_000_000_000_000m)
            errors.Add("target", CampaignProblem.NumberRequired, "Give the target as a number: the value the campaign aims for.");
        return errors.Count > 0 ? errors.All : [];
    }

    private static string Keywords(string? text) =>
        string.Join(", ", (text ?? "").Split([',', '\n', '\r', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());

    private static IEnumerable<Objective> Objectives(Campaign campaign) => campaign.Goals.SelectMany(g => g.Objectives);

    private static object? Find(Campaign campaign, PlanItem kind, Guid id) => kind switch
    {
        PlanItem.Goal => campaign.Goals.FirstOrDefault(g => g.Id == id),
        PlanItem.Objective => Objectives(campaign).FirstOrDefault(o => o.Id == id),
        PlanItem.Action => Objectives(campaign).SelectMany(o => o.Actions).FirstOrDefault(a => a.Id == id),
        PlanItem.Indicator => Objectives(campaign).SelectMany(o => o.Indicators).FirstOrDefault(i => i.Id == id),
        _ => null,
    };

    private static Refusal NotFound(PlanItem kind, Guid id) => kind switch
    {
        PlanItem.Goal => GoalNotFound(id),
        PlanItem.Objective => ObjectiveNotFound(id),
        PlanItem.Action => new Refusal(CampaignProblem.ActionNotFound, $"The campaign has no action '{id}'.", id),
        _ => new Refusal(CampaignProblem.IndicatorNotFound, $"The campaign has no indicator '{id}'.", id),
    };

    private static void Swap<T>(IEnumerable<T> siblings, T item, Func<T, int> order, Action<T, int> setOrder, Move move)
    {
        var ordered = siblings.OrderBy(order).ToList();
        // Orders copied from templates may repeat or skip; numbering them afresh first makes the swap exact.
        for (var i = 0; i < ordered.Count; i++)
            if (order(ordered[i]) != i + 1) setOrder(ordered[i], i + 1);
        var index = ordered.IndexOf(item);
        var other = move == Move.Up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count) return;
        setOrder(item, other + 1);
        setOrder(ordered[other], index + 1);
    }

    private static Refusal GoalNotFound(Guid id) => new(CampaignProblem.GoalNotFound, $"The campaign has no goal '{id}'. Take a goal id from the campaign's plan.", id);

    private static Refusal ObjectiveNotFound(Guid id) =>
        new(CampaignProblem.ObjectiveNotFound, $"The campaign has no objective '{id}'. Take an objective id from the campaign's plan.", id);
}
