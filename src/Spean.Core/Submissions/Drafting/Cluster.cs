using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;

namespace Spean.Core.Submissions.Drafting;

/// <summary>
/// A thematic cluster of the coalition and its section of the submission: a lead organisation and member organisations
/// draft its paragraphs (the assessment) and its recommendations.
/// </summary>
public sealed class Cluster
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; init; }
    public required int Number { get; set; }
    public required string NameEn { get; set; }
    public required string NameKm { get; set; }
    public Guid? LeadOrganisationId { get; set; }
    public List<Guid> MemberOrganisationIds { get; set; } = [];
    public List<Paragraph> Paragraphs { get; init; } = [];
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.ToTable("SubmissionClusters");
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.NameKm).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Paragraphs).WithOne().HasForeignKey(p => p.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SubmissionId, c.Number });
    }
}
