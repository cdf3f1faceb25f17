using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;

namespace Spean.Core.Notifications;

/// <summary>
/// One thing one user should know, in both languages, shown in the app and e-mailed where the user wants it.
/// <see cref="Key"/> says what it is about ("submission-deadline:{id}:7d"), so a reminder found again is not sent twice.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid UserId { get; init; }
    public required string Topic { get; init; }
    public required string Key { get; init; }
    public required string TitleEn { get; init; }
    public required string TitleKm { get; init; }

    /// <summary>A path inside the app ("/submissions/…"), never an outside address.</summary>
    public string? Link { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }

    /// <summary>Whether it is to be e-mailed; <see cref="EmailedAt"/> is set once the mail went out.</summary>
    public bool Email { get; init; }
    public DateTime? EmailedAt { get; set; }
}

/// <summary>What one user chose for one topic; a topic without a row follows the topic's defaults.</summary>
public sealed class NotificationPreference
{
    public required Guid UserId { get; init; }
    public required string Topic { get; init; }
    public bool InApp { get; set; } = true;
    public bool Email { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Topic).HasMaxLength(100);
        builder.Property(n => n.Key).HasMaxLength(300);
        builder.Property(n => n.TitleEn).HasMaxLength(500);
        builder.Property(n => n.TitleKm).HasMaxLength(500);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.Email, n.EmailedAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Topic });
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Topic).HasMaxLength(100);
    }
}

public static class NotificationLinks
{
    /// <summary>
    /// Whether the link is a path inside the app ("/reports/…"), the only kind shown or e-mailed: "//host" and "/\host"
    /// are read by browsers as another site.
    /// </summary>
    public static bool IsInApp(string? link) =>
        link is ['/', ..] && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal)
        && !link.Any(char.IsControl);
}
