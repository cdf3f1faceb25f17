using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Recommendations;

namespace Spean.Core.Implementation;

public enum ImplementationStatus
{
    NotImplemented,
    PartiallyImplemented,
    FullyImplemented,
    CannotBeAssessed,
}

public enum AssessmentEvidenceKind
{
    FieldReport,
    PublicSource,
    GovernmentStatement,
}

/// <summary>
/// One organisation's view, as of a date, of how far a recommendation is implemented; or, when
/// <see cref="Consolidated"/>, the coalition's view recorded by a coordinator. Never changed once saved: a new
/// assessment by the same organisation supersedes it (<see cref="PreviousId"/>), so the history stays whole.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid RecommendationId { get; init; }
    public required Guid OrganisationId { get; init; }
    public bool Consolidated { get; init; }
    public required ImplementationStatus Status { get; init; }
    public required DateOnly AsOf { get; init; }
    public string? NarrativeEn { get; init; }
    public string? NarrativeKm { get; init; }

    /// <summary>Shown on the public scorecard and to visitors who are not signed in.</summary>
    public bool Published { get; set; }
    public required Guid AuthorId { get; init; }
    public required string Author { get; init; }
    public required DateTime RecordedAt { get; init; }

    /// <summary>The assessment this one replaced; null for an organisation's first.</summary>
    public Guid? PreviousId { get; init; }

    /// <summary>False once superseded; the latest of each organisation (and the latest consolidated one) is current.</summary>
    public bool IsCurrent { get; set; } = true;
    public List<AssessmentEvidence> Evidence { get; init; } = [];
}

/// <summary>What an assessment rests on: a field report (by id only; who may see it is the report's own rule), a public source or a government statement.</summary>
public sealed class AssessmentEvidence
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required AssessmentEvidenceKind Kind { get; init; }
    public Guid? ReportId { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Author).HasMaxLength(200);
        builder.Property(a => a.NarrativeEn).HasMaxLength(20_000);
        builder.Property(a => a.NarrativeKm).HasMaxLength(20_000);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RecommendationId, a.IsCurrent });
        builder.HasIndex(a => new { a.OrganisationId, a.IsCurrent });
    }
}

internal sealed class AssessmentEvidenceConfiguration : IEntityTypeConfiguration<AssessmentEvidence>
{
    public void Configure(EntityTypeBuilder<AssessmentEvidence> builder)
    {
        builder.Property(e => e.Url).HasMaxLength(2_000);
        builder.Property(e => e.Title).HasMaxLength(500);
        builder.HasIndex(e => e.ReportId);
    }
}
