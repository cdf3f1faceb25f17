using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Taxonomies;

namespace Spean.Core.Submissions.Calendar;

/// <summary>
/// One review of one State in one UPR cycle. The dates that follow from the review date (the stakeholders' deadline, the
/// pre-session, the adoption, the mid-term report) are stored when entered or imported and otherwise derived from it;
/// OHCHR publishes the deadline per session, so an entered one always wins.
/// </summary>
public sealed class UprReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string StateIso3 { get; init; }
    public required int Cycle { get; set; }

    /// <summary>The Working Group session, e.g. 46 for April-May 2024.</summary>
    public required int Session { get; set; }
    public required DateOnly ReviewDate { get; set; }

    /// <summary>The stakeholder submission deadline as an instant (noon Geneva time on the published day).</summary>
    public DateTime? SubmissionDeadlineUtc { get; set; }
    public DateOnly? PreSessionDate { get; set; }
    public DateOnly? AdoptionDate { get; set; }
    public DateOnly? MidtermReportDue { get; set; }
}

internal sealed class UprReviewConfiguration : IEntityTypeConfiguration<UprReview>
{
    public void Configure(EntityTypeBuilder<UprReview> builder)
    {
        builder.Property(r => r.StateIso3).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(r => r.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StateIso3, r.Cycle }).IsUnique();
        builder.HasIndex(r => r.ReviewDate);
    }
}
