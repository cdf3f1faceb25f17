namespace Spean.Core.Monitoring.Reports;

public enum Confidentiality
{
    Public,
    Network,
    Organisation,
    Restricted,
}

[LabelPrefix("Report.Status")]
public enum ReportStatus
{
    Draft,
    Submitted,
    UnderReview,
    Verified,
    Published,
    Rejected,
}

public enum SourceKind
{
    FirstHand,
    SecondHand,
}

/// <summary>An incident recorded by a monitor in the field.</summary>
public sealed class Report
{
    public const string Cambodia = "KHM";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Made on the device before the first try, so sending the same report again finds the one already saved.</summary>
    public required Guid ClientId { get; init; }
    public required string Title { get; set; }
    public required string Narrative { get; set; }
    public required string Category { get; set; }
    public required DateOnly OccurredFrom { get; set; }
    public DateOnly? OccurredTo { get; set; }
    public required DateTime ReportedAt { get; init; }

    /// <summary>The place in Cambodia's gazetteer; null only for a report located in another country.</summary>
    public string? AdminUnitCode { get; set; }

    /// <summary>
    /// Where the incident happened when not in Cambodia (ISO 3166 alpha-3): monitors follow landmine use worldwide,
    /// mostly from second-hand sources. Null for Cambodia.
    /// </summary>
    public string? CountryIso3 { get; set; }
    /// <summary>
    /// The two-digit gazetteer code of the report's province, or <see cref="CountryIso3"/> when it is abroad: what the
    /// list and the map count by. Computed by the database from those two columns, never written by the app.
    /// </summary>
    public string? Province { get; private set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int AffectedWomen { get; set; }
    public int AffectedMen { get; set; }
    public int AffectedGirls { get; set; }
    public int AffectedBoys { get; set; }
    public int AffectedUnknown { get; set; }
    public SourceKind SourceKind { get; set; }
    public List<string> MediaLinks { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public List<string> ConcessionIds { get; set; } = [];
    public List<Guid> RecommendationIds { get; set; } = [];
    public Confidentiality Confidentiality { get; set; }
    public required Guid OrganisationId { get; init; }
    public required Guid AuthorId { get; init; }

    /// <summary>Who may read a Restricted report besides its author.</summary>
    public List<Guid> ReaderIds { get; set; } = [];
    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>Set on every save from the title, narrative and tags (<see cref="ReportSearchText"/>); never shown.</summary>
    public string? SearchText { get; set; }
    public List<StatusChange> History { get; init; } = [];
}

public sealed class StatusChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReportId { get; init; }
    public required ReportStatus From { get; init; }
    public required ReportStatus To { get; init; }
    public required Guid ById { get; init; }
    public required string By { get; init; }
    public required DateTime At { get; init; }
    public string? Reason { get; init; }
}

public sealed record ReportCategory(string Code, string NameEn, string NameKm);

/// <summary>The thesaurus of report categories.</summary>
public static class ReportCategories
{
    public static readonly IReadOnlyList<ReportCategory> All =
    [
        new("mining", "Mining and extractive industry", "ការជីកយករ៉ែ និងឧស្សាហកម្មទាញយកធនធាន"),
        new("land", "Land concession and eviction", "សម្បទានដីធ្លី និងការបណ្តេញចេញ"),
        new("landmines", "Landmine, ERW and cluster-munition use", "មីន សំណល់ជាតិផ្ទុះពីសង្គ្រាម និងគ្រាប់បែកចង្កោម"),
        new("trafficking", "Labour migration and trafficking", "ចំណាកស្រុកការងារ និងការជួញដូរមនុស្ស"),
        new("defenders", "Human-rights defenders and expression", "អ្នកការពារសិទ្ធិមនុស្ស និងសេរីភាពបញ្ចេញមតិ"),
        new("environment", "Environment", "បរិស្ថាន"),
        new("other", "Other", "ផ្សេងៗ"),
    ];

    public static ReportCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
