using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Core;
using Spean.Core.Accounts;
using Spean.Web.Accounts;

namespace Spean.Web.Administration;

public sealed record UserResponse(
    Guid Id, string Email, string DisplayName, string Role, Guid? OrganisationId, bool TwoFactorEnabled, bool Disabled);

public sealed record CreateUserRequest(string Email, string DisplayName, string Role, Guid? OrganisationId);

public sealed record ChangeRoleRequest(string Role);

internal static class UserAdministrationApi
{
    /// <summary>Every operation acts only on the accounts the caller manages; an account outside them answers 404, as if it did not exist.</summary>
    public static void MapUserAdministrationApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", ListUsers).WithSummary("The accounts you manage: your organisation's, or every one for a network administrator");
        admin.MapPost("/users", CreateUser)
            .WithSummary("Create an account; its owner gets a link to set the password by e-mail, or in the server's log without a mail server");
        admin.MapPost("/users/{id:guid}/disable", Disable)
            .WithSummary("Disable an account: sign-in refused, tokens revoked, browsers signed out within a minute");
        admin.MapPost("/users/{id:guid}/enable", Enable).WithSummary("Re-enable a disabled account");
        admin.MapPut("/users/{id:guid}/role", ChangeRole).WithSummary("Change an account's role");
        admin.MapPost("/users/{id:guid}/revoke-tokens", RevokeTokens).WithSummary("Revoke every personal access token of an account");
    }

    private static async Task<Ok<List<UserResponse>>> ListUsers(ClaimsPrincipal principal, UserAdministration administration) =>
        TypedResults.Ok(await administration.Managed(principal.AsAdministrator()).AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new UserResponse(u.Id, u.Email!, u.DisplayName, u.Role.ToString(), u.OrganisationId, u.TwoFactorEnabled, u.DisabledAt != null))
            .ToListAsync());

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        HttpRequest http, ClaimsPrincipal principal, UserAdministration administration, AccountNotices notices, CreateUserRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.DisplayName))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["An email and a display name are both needed."] });
        if (!EnumNames.TryParse<Role>(request.Role, out var role)) return UnknownRole();
        var result = await administration.CreateAsync(principal.AsAdministrator(), request.Email, request.DisplayName, role, request.OrganisationId);
        if (result.Error == AdministrationError.Invalid)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [.. result.Problems ?? []] });
        if (!result.Succeeded) return Problem(result);
        var u = result.User!;
        await notices.PasswordLinkAsync(u, $"{http.Scheme}://{http.Host}{http.PathBase}");
        return TypedResults.Created($"/api/v1/admin/users/{u.Id}", Response(u));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Disable(ClaimsPrincipal principal, UserAdministration administration, Guid id) =>
        Answer(await administration.DisableAsync(principal.AsAdministrator(), id));

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Enable(ClaimsPrincipal principal, UserAdministration administration, Guid id) =>
        Answer(await administration.EnableAsync(principal.AsAdministrator(), id));

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRole(
        ClaimsPrincipal principal, UserAdministration administration, AccountNotices notices, Guid id, ChangeRoleRequest request)
    {
        if (!EnumNames.TryParse<Role>(request.Role, out var role)) return UnknownRole();
        var result = await administration.ChangeRoleAsync(principal.AsAdministrator(), id, role);
        if (!result.Succeeded) return Problem(result);
        await notices.RoleChangedAsync(result.User!);
        return TypedResults.Ok(Response(result.User!));
    }

    private static ValidationProblem UnknownRole() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
        { ["role"] = [$"The role must be one of: {string.Join(", ", Enum.GetNames<Role>())}."] });

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> RevokeTokens(
        ClaimsPrincipal principal, UserAdministration administration, Guid id) =>
        Answer(await administration.RevokeTokensAsync(principal.AsAdministrator(), id));

    private static Results<Ok<UserResponse>, ProblemHttpResult> Answer(AdministrationResult result) =>
        result.Succeeded ? TypedResults.Ok(Response(result.User!)) : Problem(result);

    private static ProblemHttpResult Problem(AdministrationResult result) =>
        TypedResults.Problem(result.Detail, statusCode: result.Error switch
        {
            AdministrationError.UnknownUser => StatusCodes.Status404NotFound,
            AdministrationError.NotAllowed => StatusCodes.Status403Forbidden,
            AdministrationError.UnknownOrganisation or AdministrationError.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        });

    private static UserResponse Response(SpeanUser u) =>
        new(u.Id, u.Email!, u.DisplayName, u.Role.ToString(), u.OrganisationId, u.TwoFactorEnabled, u.DisabledAt != null);
}
