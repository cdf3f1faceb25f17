namespace Spean.Core.Monitoring.People;

/// <summary>A person named in a report, as a form or a device sends it; <see cref="ReportPeople.AddOnceAsync"/> checks it.</summary>
/// <param name="ClientId">Made on the device: sending the same person again returns the one already saved.</param>
public sealed record PersonInput(
    string? Role, string? Name, string? Contact = null, string? Notes = null, string? Sex = null, string? AgeGroup = null, Guid? ClientId = null);

/// <summary>The person as saved, and whether this call added them (false for a device's retry).</summary>
public sealed record PersonAdded(ReportPerson Person, bool Created);

public enum PersonProblem
{
    UnknownRole,
    NameMissing,
    NameTooLong,
    UnknownSex,
    UnknownAgeGroup,
    ClientIdZero,
    ClientIdOfAnotherReport,
}
