using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders.Relationships;

public enum RelationshipType
{
    MemberOf,
    WorksWith,
    Funds,
    ReportsTo,
    Opposes,
}

/// <summary>
/// A typed tie from one stakeholder to another ("A funds B"). It is shown only to someone who may see both ends, so a tie
/// never reveals a record the viewer may not see.
/// </summary>
public sealed class Relationship
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid FromId { get; init; }
    public required Guid ToId { get; init; }
    public required RelationshipType Type { get; init; }
    public required Guid OrganisationId { get; init; }
    public required Guid CreatedById { get; init; }
    public required DateTime CreatedAt { get; init; }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.FromId, r.ToId, r.Type }).IsUnique();
        builder.HasIndex(r => r.ToId);
    }
}
