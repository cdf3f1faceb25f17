namespace Spean.Core.Monitoring.People;

public enum PersonRole
{
    Victim,
    Witness,
    Source,
    Other,
}

public enum Sex
{
    Female,
    Male,
    Other,
}

public enum AgeGroup
{
    /// <summary>Under 18.</summary>
    Child,

    /// <summary>18 to 59.</summary>
    Adult,

    /// <summary>60 and over.</summary>
    Older,
}

/// <summary>
/// A person named in a report. Name, contact and notes are stored encrypted (see <see cref="ReportPeople"/>);
/// sex and age group stay plain so reports can be counted by them without revealing anyone.
/// </summary>
public sealed class ReportPerson
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReportId { get; init; }

    /// <summary>Made on the device, so a person sent again after a dropped connection is not named twice.</summary>
    public Guid? ClientId { get; init; }
    public required PersonRole Role { get; set; }
    public Sex? Sex { get; set; }
    public AgeGroup? AgeGroup { get; set; }
    public required byte[] EncryptedName { get; set; }
    public byte[]? EncryptedContact { get; set; }
    public byte[]? EncryptedNotes { get; set; }
}

/// <summary>A person as the people allowed to see identities read and write them.</summary>
public sealed record PersonDetails(
    PersonRole Role, string Name, string? Contact = null, string? Notes = null, Sex? Sex = null, AgeGroup? AgeGroup = null);
