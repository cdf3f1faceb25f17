using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Web.Accounts;

public sealed record MeResponse(Guid Id, string Email, string DisplayName, string Role, Guid? OrganisationId, bool TwoFactorEnabled);

public sealed record CreateTokenRequest(string Name, int? ExpiresInDays);

public sealed record UserResponse(Guid Id, string Email, string DisplayName, string Role, Guid? OrganisationId, bool TwoFactorEnabled);

public sealed record CreateUserRequest(string Email, string DisplayName, Role Role, Guid? OrganisationId);

public sealed record OrganisationSummary(Guid Id, string Name, string? NameKm);

public sealed record CreateOrganisationRequest(string Name, string? NameKm);

internal static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        me.MapGet("/", GetMe);
        me.MapGet("/tokens", ListTokens);
        me.MapPost("/tokens", CreateToken);
        me.MapDelete("/tokens/{id:guid}", RevokeToken);

        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);
        admin.MapGet("/users", ListUsers);
        admin.MapPost("/users", CreateUser);
        admin.MapGet("/organisations", ListOrganisations);
        admin.MapPost("/organisations", CreateOrganisation);
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMe(ClaimsPrincipal principal, UserManager<SpeanUser> users)
    {
        var user = await users.GetUserAsync(principal);
        return user is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, user.Role.ToString(), user.OrganisationId, user.TwoFactorEnabled));
    }

    private static async Task<Ok<List<TokenSummary>>> ListTokens(ClaimsPrincipal principal, PersonalAccessTokens tokens) =>
        TypedResults.Ok(await tokens.ListAsync(principal.UserId()!.Value));

    private static async Task<Results<Created<CreatedToken>, ValidationProblem>> CreateToken(
        ClaimsPrincipal principal, PersonalAccessTokens tokens, CreateTokenRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give the token a name of 1 to 100 characters."] });
        if (request.ExpiresInDays is < 1 or > 365)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["expiresInDays"] = ["Tokens expire after 1 to 365 days."] });
        var created = await tokens.CreateAsync(principal.UserId()!.Value, request.Name, request.ExpiresInDays ?? 90);
        return TypedResults.Created($"/api/v1/me/tokens/{created.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(ClaimsPrincipal principal, PersonalAccessTokens tokens, Guid id) =>
        await tokens.RevokeAsync(principal.UserId()!.Value, id)
            ? TypedResults.NoContent()
            : TypedResults.Problem("You have no token with that id.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<List<UserResponse>>> ListUsers(SpeanDbContext db) =>
        TypedResults.Ok(await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new UserResponse(u.Id, u.Email!, u.DisplayName, u.Role.ToString(), u.OrganisationId, u.TwoFactorEnabled))
            .ToListAsync());

    private static async Task<Results<Created<UserResponse>, ValidationProblem>> CreateUser(UserAccounts accounts, CreateUserRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.DisplayName))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["An email and a display name are both needed."] });
        var result = await accounts.CreateUserAsync(new NewUser(request.Email, request.DisplayName, request.Role, request.OrganisationId, Password: null));
        if (!result.Succeeded)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = result.Errors.ToArray() });
        var u = result.User!;
        return TypedResults.Created($"/api/v1/admin/users/{u.Id}",
            new UserResponse(u.Id, u.Email!, u.DisplayName, u.Role.ToString(), u.OrganisationId, u.TwoFactorEnabled));
    }

    private static async Task<Ok<List<OrganisationSummary>>> ListOrganisations(SpeanDbContext db) =>
        TypedResults.Ok(await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.NameKm)).ToListAsync());

    private static async Task<Results<Created<OrganisationSummary>, ValidationProblem>> CreateOrganisation(
        UserAccounts accounts, CreateOrganisationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give the organisation a name of 1 to 200 characters."] });
        var o = await accounts.FindOrCreateOrganisationAsync(request.Name, request.NameKm);
        return TypedResults.Created($"/api/v1/admin/organisations/{o.Id}", new OrganisationSummary(o.Id, o.Name, o.NameKm));
    }
}
