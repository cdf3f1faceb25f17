using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Recommendations.Saved;

namespace Spean.Core.Recommendations;

/// <summary>A saved search's name and query are its owner's business: the trail says only that they changed.</summary>
internal sealed class RecommendationsAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(SavedSearch)] = AuditedEntity.Of<SavedSearch>(["Id", "UserId", "CreatedAt"], ["Name", "QueryString"],
            (s, owners) => AccountsAudit.OrganisationOfUserAsync(owners, s.UserId)),
    };
}
