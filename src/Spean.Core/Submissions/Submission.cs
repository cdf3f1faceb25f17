using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Submissions.Calendar;
using Spean.Core.Submissions.Drafting;
using Spean.Core.Taxonomies;

namespace Spean.Core.Submissions;

public enum SubmissionKind
{
    Individual,
    Joint,
}

public enum SubmissionStatus
{
    Draft,
    Sent,
    Published,
}

public enum SignatoryStatus
{
    Invited,
    SignedOn,
    Withdrawn,
}

/// <summary>
/// A stakeholder submission to one review of one State, owned by its lead organisation and signed by the organisations
/// that joined it. Who sees it is <see cref="SubmissionAccess"/>'s rule, and nobody else's.
/// </summary>
public sealed class Submission
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public required string StateIso3 { get; init; }
    public required Guid UprReviewId { get; init; }
    public required SubmissionKind Kind { get; set; }
    public required Guid LeadOrganisationId { get; init; }
    public SubmissionStatus Status { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required Guid CreatedById { get; init; }
    public DateTime? SentAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public List<Signatory> Signatories { get; init; } = [];
    public List<Cluster> Clusters { get; init; } = [];
}

/// <summary>An organisation invited to sign, signed on, or withdrawn; the lead organisation is one, signed from the start.</summary>
public sealed class Signatory
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; init; }
    public required Guid OrganisationId { get; init; }
    public SignatoryStatus Status { get; set; }

    public const int DescriptionLength = 1_000;

    /// <summary>The short description that heads the document, as OHCHR's guidelines ask of each submitting organisation.</summary>
    public string? DescriptionEn { get; set; }
    public string? DescriptionKm { get; set; }
    public required DateTime InvitedAt { get; init; }
    public DateTime? SignedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.StateIso3).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(s => s.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UprReview>().WithMany().HasForeignKey(s => s.UprReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Signatories).WithOne().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Clusters).WithOne().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UprReviewId);
        builder.HasIndex(s => s.Status);
    }
}

internal sealed class SignatoryConfiguration : IEntityTypeConfiguration<Signatory>
{
    public void Configure(EntityTypeBuilder<Signatory> builder)
    {
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.DescriptionEn).HasMaxLength(Signatory.DescriptionLength);
        builder.Property(s => s.DescriptionKm).HasMaxLength(Signatory.DescriptionLength);
        builder.HasIndex(s => new { s.SubmissionId, s.OrganisationId }).IsUnique();
        builder.HasIndex(s => new { s.OrganisationId, s.Status });
    }
}
