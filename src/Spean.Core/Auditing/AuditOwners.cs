using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Spean.Core.Auditing;

/// <summary>
/// Looks up, for one save, the organisation an entity's audit entries belong to: first among the entities being saved,
/// then in the database, each id once.
/// </summary>
public sealed class AuditOwners
{
    private static readonly ConcurrentDictionary<string, Delegate> Compiled = new();
    private readonly DbContext context;
    private readonly bool async;
    private readonly Dictionary<(Type, Guid, string), Guid?> known = [];

    internal AuditOwners(DbContext context, bool async)
    {
        this.context = context;
        this.async = async;
    }

    public ValueTask<Guid?> OfAsync(object entity) =>
        AuditedFields.For(entity.GetType()).Owner is { } owner ? owner(entity, this) : ValueTask.FromResult<Guid?>(null);

    /// <summary>The value <paramref name="select"/> reads from the <typeparamref name="TEntity"/> whose key "Id" is <paramref name="id"/>.</summary>
    public async ValueTask<Guid?> LookUpAsync<TEntity>(Guid id, Expression<Func<TEntity, Guid?>> select) where TEntity : class
    {
        var key = (typeof(TEntity), id, select.ToString());
        if (known.TryGetValue(key, out var value)) return value;
        var read = (Func<TEntity, Guid?>)Compiled.GetOrAdd($"{typeof(TEntity).FullName}:{key.Item3}", _ => select.Compile());
        var tracked = context.ChangeTracker.Entries<TEntity>().FirstOrDefault(e => Equals(e.Property("Id").CurrentValue, id))?.Entity;
        if (tracked is not null)
            value = read(tracked);
        else
        {
            var stored = context.Set<TEntity>().AsNoTracking().Where(e => EF.Property<Guid>(e, "Id") == id).Select(select);
            value = async ? await stored.FirstOrDefaultAsync() : stored.FirstOrDefault();
        }
        known[key] = value;
        return value;
    }
}
