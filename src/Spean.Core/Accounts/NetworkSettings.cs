namespace Spean.Core.Accounts;

/// <summary>Network-wide settings; a single row.</summary>
public sealed class NetworkSettings
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public string NetworkName { get; set; } = "Spean";
    public bool RequireTwoFactorForStaff { get; set; }
}
