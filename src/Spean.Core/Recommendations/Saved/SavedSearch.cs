using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Recommendations.Saved;

/// <summary>A recommendations search a user named, kept as its query string so it opens exactly as it was.</summary>
public sealed class SavedSearch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Name { get; set; }
    public required string QueryString { get; set; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(SavedSearches.MaxNameLength);
        builder.Property(s => s.QueryString).HasMaxLength(4000);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.Name }).IsUnique();
    }
}

public enum SavedSearchProblem
{
    NameMissing,
    NameTooLong,
}

/// <summary>Each user's saved searches; a user sees and deletes only their own.</summary>
public sealed class SavedSearches(SpeanDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public Task<List<SavedSearch>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>Saves under <paramref name="name"/>, replacing the user's search of that name.</summary>
    /// <returns>The saved search, or what to change in the name.</returns>
    public async Task<Outcome<SavedSearch>> SaveAsync(Guid userId, string? name, RecommendationQuery query,
        CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return new Refusal(SavedSearchProblem.NameMissing, "Give the search a name.") { Field = "name" };
        if (name.Length > MaxNameLength)
            return new Refusal(SavedSearchProblem.NameTooLong, $"The name is longer than {MaxNameLength} characters.", MaxNameLength) { Field = "name" };
        var queryString = query.ToQueryString(withPaging: false);
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.UserId == userId && s.Name == name, cancellationToken);
        if (saved is null)
        {
            saved = new SavedSearch { UserId = userId, Name = name, QueryString = queryString, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.SavedSearches.Add(saved);
        }
        saved.QueryString = queryString;
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    /// <returns>False when the user has no saved search with that id.</returns>
    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.SavedSearches.Where(s => s.UserId == userId && s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
}
