using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders.Relationships;

public enum RelationshipProblem
{
    NotFound,
    MayNotAdd,
    UnknownType,
    UnknownStakeholder,
    SameStakeholder,
    AlreadyRelated,
    MayNotRemove,
}

public sealed record GraphEdge(Guid Id, Guid FromId, Guid ToId, RelationshipType Type);

/// <summary>The neighbourhood of one stakeholder: the centre, the nodes (each with its distance) and the ties between them.</summary>
public sealed record Neighbourhood(StakeholderSummary Centre, IReadOnlyList<(StakeholderSummary Node, int Distance)> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>
/// Relationships between stakeholders, and the graph around one of them. The walk goes only through stakeholders the viewer
/// may see, so neither a hidden record nor a tie that passes through it shows.
/// </summary>
public sealed class RelationshipGraph(SpeanDbContext db, StakeholderRegister register, TimeProvider clock)
{
    public async Task<Outcome<Relationship>> AddAsync(
        Guid fromId, Guid toId, string? type, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!StakeholderAccess.CanAdd(viewer))
            return new Refusal(RelationshipProblem.MayNotAdd, "Only members, coordinators and administrators of an organisation add relationships.");
        if (!EnumNames.TryParse<RelationshipType>(type, out var parsed))
            return new Refusal(RelationshipProblem.UnknownType, "'type' is MemberOf, WorksWith, Funds, ReportsTo or Opposes.");
        if (fromId == toId) return new Refusal(RelationshipProblem.SameStakeholder, "A stakeholder cannot be related to itself; give two different ids.");
        var visible = await register.SummariesAsync([fromId, toId], viewer, cancellationToken);
        if (visible.Count != 2)
            return new Refusal(RelationshipProblem.UnknownStakeholder, "Both ends are ids of stakeholders in the register that you may see.");
        if (await db.Set<Relationship>().AnyAsync(r => r.FromId == fromId && r.ToId == toId && r.Type == parsed, cancellationToken))
            return new Refusal(RelationshipProblem.AlreadyRelated, "These two are already related this way.");
        var relationship = new Relationship
        {
            FromId = fromId, ToId = toId, Type = parsed, OrganisationId = viewer.OrganisationId!.Value, CreatedById = viewer.UserId!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(relationship);
        await db.SaveChangesAsync(cancellationToken);
        return relationship;
    }

    /// <summary>Removes a tie: members and above of the organisation that recorded it.</summary>
    public async Task<Refusal?> RemoveAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var relationship = await db.Set<Relationship>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is null || (await register.SummariesAsync([relationship.FromId, relationship.ToId], viewer, cancellationToken)).Count != 2)
            return new(RelationshipProblem.NotFound, "There is no relationship with that id that you may see.");
        if (viewer.OrganisationId != relationship.OrganisationId || viewer.Role > Role.Member)
            return new(RelationshipProblem.MayNotRemove, "Only members of the organisation that recorded this relationship may remove it.");
        db.Remove(relationship);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The stakeholder and its neighbours up to <paramref name="depth"/> (1 or 2) ties away; null when the viewer may not see it.</summary>
    public async Task<Neighbourhood?> AroundAsync(Guid id, int depth, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var centre = await register.SummariesAsync([id], viewer, cancellationToken);
        if (!centre.TryGetValue(id, out var start)) return null;
        var seen = new Dictionary<Guid, (StakeholderSummary Node, int Distance)> { [id] = (start, 0) };
        var edges = new Dictionary<Guid, GraphEdge>();
        var frontier = new List<Guid> { id };
        for (var distance = 1; distance <= Math.Clamp(depth, 1, 2) && frontier.Count > 0; distance++)
        {
            var ties = await db.Set<Relationship>().Where(r => frontier.Contains(r.FromId) || frontier.Contains(r.ToId)).AsNoTracking().ToListAsync(cancellationToken);
            var others = ties.SelectMany(r => new[] { r.FromId, r.ToId }).Where(n => !seen.ContainsKey(n));
            var visible = await register.SummariesAsync(others, viewer, cancellationToken);
            var next = new List<Guid>();
            foreach (var (otherId, summary) in visible)
            {
                seen[otherId] = (summary, distance);
                next.Add(otherId);
            }
            foreach (var tie in ties.Where(t => seen.ContainsKey(t.FromId) && seen.ContainsKey(t.ToId)))
                edges[tie.Id] = new GraphEdge(tie.Id, tie.FromId, tie.ToId, tie.Type);
            frontier = next;
        }
        return new(start, [.. seen.Values.Where(n => n.Distance > 0).OrderBy(n => n.Distance).ThenBy(n => n.Node.NameLatin, StringComparer.Ordinal)],
            [.. edges.Values.OrderBy(e => e.Type).ThenBy(e => e.Id)]);
    }
}
