namespace Spean.Core.Auditing;

/// <summary>
/// Which fields an entity's audit entries show the values of, and which only say changed; and, where the entity belongs
/// to an organisation, which one, so that organisation's administrators read its entries.
/// </summary>
public sealed record AuditedEntity(IReadOnlySet<string> Values, IReadOnlySet<string> NamesOnly)
{
    /// <summary>Reference data and anything else no one decided on: the trail names the changed fields, never their values.</summary>
    public static readonly AuditedEntity NamesOnlyForAll = new(new HashSet<string>(), new HashSet<string>());

    public Func<object, AuditOwners, ValueTask<Guid?>>? Owner { get; private init; }

    public bool RecordsValueOf(string property) => Values.Contains(property);

    public static AuditedEntity Of<TEntity>(string[] values, string[] namesOnly, Func<TEntity, AuditOwners, ValueTask<Guid?>>? owner = null) =>
        new(values.ToHashSet(), namesOnly.ToHashSet()) { Owner = owner is null ? null : (entity, owners) => owner((TEntity)entity, owners) };
}

/// <summary>
/// A module's part of the audit allow-list, found in this assembly by reflection so the audit trail names no module:
/// each module decides for its own entities. A property not listed shows only that it changed.
/// </summary>
public interface IAuditedModule
{
    IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; }
}

/// <summary>
/// The allow-list of audited values, gathered from every module. Administrators of a report's own organisation read its
/// audit entries, so a Restricted report's title, place, category, people, reasons and upload ids never enter the trail,
/// for any report; only its ids, status and confidentiality do.
/// </summary>
public static class AuditedFields
{
    public static readonly IReadOnlyDictionary<Type, AuditedEntity> Decisions = typeof(AuditedFields).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAuditedModule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .SelectMany(t => ((IAuditedModule)Activator.CreateInstance(t)!).Decisions)
        .ToDictionary();

    public static AuditedEntity For(Type entityType) => Decisions.GetValueOrDefault(entityType, AuditedEntity.NamesOnlyForAll);
}
