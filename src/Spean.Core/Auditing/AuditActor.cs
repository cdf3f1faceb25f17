namespace Spean.Core.Auditing;

/// <summary>Who is acting in the current scope: the signed-in user on the web, the operator in the CLI.</summary>
public sealed class AuditActor
{
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string? IpAddress { get; set; }
    public Guid? OrganisationId { get; set; }

    /// <summary>Bulk loads record one summary entry instead of one entry a row.</summary>
    public bool SuppressRowAudit { get; set; }
}
