using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Stakeholders;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Campaigns;

/// <summary>One entry of the stakeholder register an action can target, named as the register names it.</summary>
public sealed record CampaignTarget(Guid Id, string NameLatin, string? NameKhmer)
{
    public string Name(bool khmer) => khmer && !string.IsNullOrWhiteSpace(NameKhmer) ? NameKhmer : NameLatin;
}

/// <summary>
/// The stakeholder register as campaign actions see it. Actions keep targets by id; every name passes
/// <see cref="StakeholderAccess"/>, so a target the reader may not see (a Restricted source) is counted, never named.
/// </summary>
public sealed class CampaignTargets(SpeanDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, CampaignTarget>> VisibleAsync(IReadOnlyCollection<Guid> ids, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return new Dictionary<Guid, CampaignTarget>();
        var wanted = ids.Distinct().ToList();
        return await db.Set<Stakeholder>().VisibleTo(viewer).Where(s => wanted.Contains(s.Id))
            .Select(s => new CampaignTarget(s.Id, s.NameLatin, s.NameKhmer)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <summary>What the viewer may choose from: organisations first, then people, by name.</summary>
    public async Task<IReadOnlyList<CampaignTarget>> ChoicesAsync(Viewer viewer, int limit, CancellationToken cancellationToken = default) =>
        await db.Set<Stakeholder>().VisibleTo(viewer).OrderBy(s => s.Kind == StakeholderKind.Person).ThenBy(s => s.NameLatin).Take(limit)
            .Select(s => new CampaignTarget(s.Id, s.NameLatin, s.NameKhmer)).ToListAsync(cancellationToken);
}
