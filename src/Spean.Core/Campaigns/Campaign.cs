using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;

namespace Spean.Core.Campaigns;

/// <summary>Who may read a campaign: every signed-in user of the network, or only its owner's and members' people.</summary>
public enum CampaignConfidentiality
{
    Network,
    Organisation,
}

[LabelPrefix("ActionLevel")]
public enum ActionLevel
{
    Local,
    Provincial,
    National,
    International,
}

[LabelPrefix("ActionStatus")]
public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>An advocacy campaign of one organisation with its partners: goals, objectives, actions and indicators.</summary>
public sealed class Campaign
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OrganisationId { get; init; }
    public required string NameEn { get; set; }
    public required string NameKm { get; set; }
    public CampaignConfidentiality Confidentiality { get; set; } = CampaignConfidentiality.Network;

    /// <summary>Words the media inbox will match, comma-separated.</summary>
    public string KeywordsEn { get; set; } = "";
    public string KeywordsKm { get; set; } = "";

    /// <summary>Whether a State joining the treaty notifies the members and drafts a welcome statement.</summary>
    public bool FollowsMineBan { get; set; }
    public bool FollowsClusterMunitions { get; set; }

    /// <summary>The shipped template it was started from, if any.</summary>
    public string? Template { get; init; }
    public required DateTime CreatedAt { get; init; }
    public List<CampaignMember> Members { get; init; } = [];
    public List<Goal> Goals { get; init; } = [];
}

/// <summary>A partner organisation (all its users) or one user taking part in a campaign.</summary>
public sealed class CampaignMember
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CampaignId { get; init; }
    public Guid? OrganisationId { get; init; }
    public Guid? UserId { get; init; }
}

public sealed class Goal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CampaignId { get; init; }
    public int Order { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleKm { get; set; }
    public List<Objective> Objectives { get; init; } = [];
}

public sealed class Objective
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid GoalId { get; init; }
    public int Order { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleKm { get; set; }
    public List<CampaignAction> Actions { get; init; } = [];
    public List<Indicator> Indicators { get; init; } = [];
}

/// <summary>One thing to do, by one owner (a user or an organisation), at one level, for some stakeholders.</summary>
public sealed class CampaignAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ObjectiveId { get; init; }
    public Guid CampaignId { get; init; }
    public int Order { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleKm { get; set; }
    public ActionLevel Level { get; set; } = ActionLevel.National;
    public ActionStatus Status { get; set; } = ActionStatus.Planned;
    public Guid? OwnerUserId { get; set; }
    public Guid? OwnerOrganisationId { get; set; }

    /// <summary>Ids of people and organisations of the stakeholder register; the register names them.</summary>
    public List<Guid> TargetStakeholderIds { get; set; } = [];
    public DateOnly? Due { get; set; }
    public decimal? CostAmount { get; set; }

    /// <summary>ISO 4217 code (USD, KHR).</summary>
    public string? CostCurrency { get; set; }
}

/// <summary>What shows progress towards an objective: a baseline, a target and values measured over time.</summary>
public sealed class Indicator
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ObjectiveId { get; init; }
    public Guid CampaignId { get; init; }
    public required string NameEn { get; set; }
    public required string NameKm { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public List<IndicatorMeasurement> Measurements { get; init; } = [];
}

public sealed class IndicatorMeasurement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid IndicatorId { get; init; }
    public required DateOnly Date { get; init; }
    public required decimal Value { get; init; }
    public string? Note { get; init; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.NameEn).HasMaxLength(300);
        builder.Property(c => c.NameKm).HasMaxLength(300);
        builder.Property(c => c.KeywordsEn).HasMaxLength(2_000);
        builder.Property(c => c.KeywordsKm).HasMaxLength(2_000);
        builder.Property(c => c.Template).HasMaxLength(100);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Goals).WithOne().HasForeignKey(g => g.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OrganisationId);
    }
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> builder)
    {
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.CampaignId, m.OrganisationId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => m.OrganisationId);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.TitleEn).HasMaxLength(1_000);
        builder.Property(g => g.TitleKm).HasMaxLength(1_000);
        builder.HasMany(g => g.Objectives).WithOne().HasForeignKey(o => o.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.TitleEn).HasMaxLength(1_000);
        builder.Property(o => o.TitleKm).HasMaxLength(1_000);
        builder.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Indicators).WithOne().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignActionConfiguration : IEntityTypeConfiguration<CampaignAction>
{
    public void Configure(EntityTypeBuilder<CampaignAction> builder)
    {
        builder.ToTable("CampaignActions");
        builder.Property(a => a.TitleEn).HasMaxLength(1_000);
        builder.Property(a => a.TitleKm).HasMaxLength(1_000);
        builder.Property(a => a.CostAmount).HasPrecision(18, 2);
        builder.Property(a => a.CostCurrency).HasMaxLength(3);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.CampaignId, a.Due });
        builder.HasIndex(a => a.Due);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.NameEn).HasMaxLength(500);
        builder.Property(i => i.NameKm).HasMaxLength(500);
        builder.Property(i => i.Baseline).HasPrecision(18, 4);
        builder.Property(i => i.Target).HasPrecision(18, 4);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(i => i.Measurements).WithOne().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorMeasurementConfiguration : IEntityTypeConfiguration<IndicatorMeasurement>
{
    public void Configure(EntityTypeBuilder<IndicatorMeasurement> builder)
    {
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Note).HasMaxLength(1_000);
        builder.HasIndex(m => new { m.IndicatorId, m.Date });
    }
}
