using Microsoft.AspNetCore.Identity;

namespace Spean.Core.Accounts;

/// <summary>Roles from the most to the least trusted; a role grants everything the ones below it do.</summary>
public enum Role
{
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
}

public static class Roles
{
    public const string Administrator = nameof(Role.Administrator);
    public const string Coordinator = nameof(Role.Coordinator);
    public const string Member = nameof(Role.Member);
    public const string Viewer = nameof(Role.Viewer);

    /// <summary>The role names that include <paramref name="role"/>: an Administrator is also a Coordinator.</summary>
    public static string[] AtLeast(Role role) =>
        Enum.GetValues<Role>().Where(r => r <= role).Select(r => r.ToString()).ToArray();
}
