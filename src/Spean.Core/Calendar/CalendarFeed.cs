using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Calendar;

/// <summary>
/// A secret address a user gives a calendar app, which cannot sign in. Only the SHA-256 hash of its token is stored, like a
/// personal access token's; the app sees what the user would see, in the language chosen when the address was made.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid UserId { get; init; }
    public required string TokenHash { get; init; }

    /// <summary>"en" or "km": the language of the events' titles.</summary>
    public required string Language { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsSensitive();
        builder.Property(f => f.Language).HasMaxLength(2);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.UserId);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
