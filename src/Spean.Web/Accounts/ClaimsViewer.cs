using System.Security.Claims;
using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

/// <summary>The signed-in user as the Core access rules see them.</summary>
internal static class ClaimsViewer
{
    public static Viewer Viewer(this ClaimsPrincipal user)
    {
        if (user.UserId() is not { } id) return Core.Accounts.Viewer.Anonymous;
        var role = Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : Role.Viewer;
        var organisation = Guid.TryParse(user.FindFirstValue(AccountsRegistration.OrganisationClaim), out var o) ? o : (Guid?)null;
        return new Viewer(id, role, organisation);
    }

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.Identity?.Name ?? "unknown";
}
