using Spean.Core.Auditing;

namespace Spean.Core.Campaigns.Media;

/// <summary>
/// The trail shows which organisation follows how many feeds and who acted on which inbox item, not the feeds' addresses
/// (what an organisation watches says what it works on) nor the items' text; each entry belongs to the feed's organisation
/// or the campaign's owner.
/// </summary>
internal sealed class MediaAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(MediaFeed)] = AuditedEntity.Of<MediaFeed>(
            ["Id", "OrganisationId", "AddedById", "AddedAt", "LastPolledAt", "LastSucceededAt", "LastProblem", "LastSkippedItems"],
            ["Url", "Title", "LastProblemDetail"], (f, _) => ValueTask.FromResult<Guid?>(f.OrganisationId)),
        [typeof(MediaItem)] = AuditedEntity.Of<MediaItem>(["Id", "FeedId", "PublishedAt", "FetchedAt"], ["Key", "Title", "Summary", "Link"],
            (i, owners) => owners.LookUpAsync<MediaFeed>(i.FeedId, f => f.OrganisationId)),
        [typeof(MediaMatch)] = AuditedEntity.Of<MediaMatch>(["Id", "CampaignId", "ItemId", "MatchedAt", "DismissedAt", "DismissedById", "StatementId"],
            ["Keywords"], (m, owners) => owners.LookUpAsync<Campaign>(m.CampaignId, c => c.OrganisationId)),
    };
}
