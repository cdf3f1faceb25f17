namespace Spean.Core.Accounts;

/// <summary>A member organisation of the network (an NGO, a community group, a cooperative).</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? NameKm { get; set; }
    public DateTime CreatedAt { get; init; }
}
