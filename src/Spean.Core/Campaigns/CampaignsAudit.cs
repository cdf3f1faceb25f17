using Spean.Core.Auditing;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Campaigns.Treaties;

namespace Spean.Core.Campaigns;

/// <summary>
/// The trail shows who changed which campaign, action, indicator or statement and when, with ids, statuses and dates; not
/// titles, texts, keywords or costs, since an Organisation campaign's plan is for its members only. Treaty imports and
/// changes are public knowledge and shown whole.
/// </summary>
internal sealed class CampaignsAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Campaign)] = AuditedEntity.Of<Campaign>(
            ["Id", "OrganisationId", "Confidentiality", "FollowsMineBan", "FollowsClusterMunitions", "Template", "CreatedAt"],
            ["NameEn", "NameKm", "KeywordsEn", "KeywordsKm"], (c, _) => ValueTask.FromResult<Guid?>(c.OrganisationId)),
        [typeof(CampaignMember)] = AuditedEntity.Of<CampaignMember>(["Id", "CampaignId", "OrganisationId", "UserId"], [], Owner<CampaignMember>(m => m.CampaignId)),
        [typeof(Goal)] = AuditedEntity.Of<Goal>(["Id", "CampaignId", "Order"], ["TitleEn", "TitleKm"], Owner<Goal>(g => g.CampaignId)),
        [typeof(Objective)] = AuditedEntity.Of<Objective>(["Id", "GoalId", "Order"], ["TitleEn", "TitleKm"]),
        [typeof(CampaignAction)] = AuditedEntity.Of<CampaignAction>(
            ["Id", "ObjectiveId", "CampaignId", "Order", "Level", "Status", "OwnerUserId", "OwnerOrganisationId", "Due"],
            ["TitleEn", "TitleKm", "TargetStakeholderIds", "CostAmount", "CostCurrency"], Owner<CampaignAction>(a => a.CampaignId)),
        [typeof(Indicator)] = AuditedEntity.Of<Indicator>(["Id", "ObjectiveId", "CampaignId"], ["NameEn", "NameKm", "Baseline", "Target"],
            Owner<Indicator>(i => i.CampaignId)),
        [typeof(IndicatorMeasurement)] = AuditedEntity.Of<IndicatorMeasurement>(["Id", "IndicatorId", "Date"], ["Value", "Note"]),
        [typeof(Statement)] = AuditedEntity.Of<Statement>(
            ["Id", "CampaignId", "Status", "CreatedAt", "CreatedById", "ApprovedById", "ApprovedAt", "PublishedAt", "Slug", "WelcomeFor"],
            ["TitleEn", "TitleKm", "BodyEn", "BodyKm"], Owner<Statement>(s => s.CampaignId)),
        [typeof(TreatyImport)] = AuditedEntity.Of<TreatyImport>(["Id", "Treaty", "FileName", "At", "ByUserId", "Rows", "Changes", "Refused"], []),
        [typeof(TreatyChange)] = AuditedEntity.Of<TreatyChange>(["Id", "ImportId", "Treaty", "CountryIso3", "Kind", "Before", "After", "At"], []),
    };

    private static Func<T, AuditOwners, ValueTask<Guid?>> Owner<T>(Func<T, Guid> campaign) =>
        (entity, owners) => owners.LookUpAsync<Campaign>(campaign(entity), c => c.OrganisationId);
}
