namespace Spean.Core.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    SignedIn,
    SignInFailed,
    SignedOut,
    Refused,
    LockedOut,
    Exported,
    Restored,
    Disabled,
    Enabled,
}

/// <summary>One line of the append-only audit trail. Changes hold field names with old and new values as JSON.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required DateTime At { get; init; }
    public required AuditAction Action { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Changes { get; init; }
    public string? Detail { get; init; }
    public string? IpAddress { get; init; }

    /// <summary>The organisation whose administrators may read the entry; none means network administrators only.</summary>
    public Guid? OrganisationId { get; init; }
}
