using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Stakeholders.Engagements;

public enum EngagementKind
{
    Meeting,
    Call,
    Letter,
    Event,
    Statement,
}

/// <summary>
/// A meeting, call, letter, event or statement with people and organisations of the register. Who sees it follows the same
/// levels as reports (<see cref="StakeholderAccess"/>); what was agreed is encrypted, since it may be about a source.
/// Campaigns are kept by id only: that module sits above this one and names them.
/// </summary>
public sealed class Engagement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required EngagementKind Kind { get; set; }
    public required DateOnly Date { get; set; }
    public required string Subject { get; set; }
    public List<string> Topics { get; set; } = [];

    /// <summary>People of the register who took part.</summary>
    public List<Guid> ParticipantIds { get; set; } = [];

    /// <summary>Organisations of the register that took part.</summary>
    public List<Guid> OrganisationIds { get; set; } = [];
    public List<Guid> RecommendationIds { get; set; } = [];
    public List<Guid> ReportIds { get; set; } = [];
    public List<Guid> CampaignIds { get; set; } = [];
    public byte[]? EncryptedAgreed { get; set; }
    public Confidentiality Confidentiality { get; set; } = Confidentiality.Organisation;
    public required Guid OwnerOrganisationId { get; init; }
    public required Guid AuthorId { get; init; }
    public List<Guid> ReaderIds { get; set; } = [];
    public required DateTime RecordedAt { get; init; }
    public List<FollowUp> FollowUps { get; init; } = [];
}

/// <summary>What someone is to do after an engagement, by when; done once <see cref="DoneAt"/> is set.</summary>
public sealed class FollowUp
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EngagementId { get; init; }
    public required string Action { get; set; }
    public required Guid OwnerId { get; set; }
    public required DateOnly Due { get; set; }
    public DateTime? DoneAt { get; set; }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        // The audit trail is read by administrators who may not see a Restricted engagement: only ids, kind, level and dates go there.
        builder.Property(e => e.Subject).HasMaxLength(300).IsSensitive();
        builder.Property(e => e.Topics).IsSensitive();
        builder.Property(e => e.ParticipantIds).IsSensitive();
        builder.Property(e => e.OrganisationIds).IsSensitive();
        builder.Property(e => e.ReportIds).IsSensitive();
        builder.Property(e => e.ReaderIds).IsSensitive();
        builder.Property(e => e.EncryptedAgreed).IsEncrypted();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.FollowUps).WithOne().HasForeignKey(f => f.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.Date);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Action).HasMaxLength(1000).IsSensitive();
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OwnerId, f.DoneAt });
    }
}
