namespace Spean.Core.Accounts;

/// <summary>What a token may do: also change data, or only read. Tokens made before scopes existed could change data.</summary>
public enum TokenScope
{
    ReadWrite,
    Read,
}

/// <summary>A token for scripts; only its SHA-256 hash is stored, the secret is shown once.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid UserId { get; init; }
    public required string Name { get; set; }
    public required string TokenHash { get; init; }
    public DateTime CreatedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public required TokenScope Scope { get; init; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
