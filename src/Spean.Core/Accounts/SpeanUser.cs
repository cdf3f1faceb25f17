using Microsoft.AspNetCore.Identity;

namespace Spean.Core.Accounts;

/// <summary>Roles from the most to the least trusted; a role grants everything the ones below it do.</summary>
public enum Role
{
    /// <summary>Manages the organisations and reads the audit trail across them; always signs in with a second factor.</summary>
    NetworkAdministrator,

    /// <summary>Manages the accounts of its own organisation only.</summary>
    Administrator,
    Coordinator,
    Member,
    Viewer,
}

public sealed class SpeanUser : IdentityUser<Guid>
{
    public SpeanUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }
    public Role Role { get; set; } = Role.Viewer;
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateTime CreatedAt { get; init; }

    /// <summary>When an administrator cut the account off; a disabled account cannot sign in and its tokens are revoked.</summary>
    public DateTime? DisabledAt { get; set; }
}

public static class Roles
{
    public const string NetworkAdministrator = nameof(Role.NetworkAdministrator);
    public const string Administrator = nameof(Role.Administrator);
    public const string Coordinator = nameof(Role.Coordinator);
    public const string Member = nameof(Role.Member);
    public const string Viewer = nameof(Role.Viewer);

    /// <summary>The role names that include <paramref name="role"/>: a NetworkAdministrator is also an Administrator and a Coordinator.</summary>
    public static string[] AtLeast(Role role) =>
        Enum.GetValues<Role>().Where(r => r <= role).Select(r => r.ToString()).ToArray();
}
