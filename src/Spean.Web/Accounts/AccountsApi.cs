using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Spean.Core;
using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

public sealed record MeResponse(Guid Id, string Email, string DisplayName, string Role, Guid? OrganisationId, bool TwoFactorEnabled);

public sealed record CreateTokenRequest(string Name, int? ExpiresInDays, string? Scope);

internal static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        me.MapGet("/", GetMe).WithSummary("The signed-in account");
        me.MapGet("/tokens", ListTokens).WithSummary("Your personal access tokens");
        me.MapPost("/tokens", CreateToken).WithSummary("Create a personal access token (from a browser session only, never with a token)");
        me.MapDelete("/tokens/{id:guid}", RevokeToken).WithSummary("Revoke one of your personal access tokens");
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

    private static async Task<Results<Created<CreatedToken>, ValidationProblem, ProblemHttpResult>> CreateToken(
        ClaimsPrincipal principal, PersonalAccessTokens tokens, CreateTokenRequest request)
    {
        if (principal.UsesToken())
            return TypedResults.Problem("A token cannot create tokens. Sign in with your password in a browser and create it at /account/tokens.",
                statusCode: StatusCodes.Status403Forbidden);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give the token a name of 1 to 100 characters."] });
        if (request.ExpiresInDays is not (>= 1 and <= PersonalAccessTokens.MaxDays))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["expiresInDays"] = ["Say when the token expires: after 1 to 365 days."] });
        if (!EnumNames.TryParse<TokenScope>(request.Scope, out var scope))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["scope"] = ["Say what the token may do: Read, or ReadWrite to change data as well."] });
        var created = await tokens.CreateAsync(principal.UserId()!.Value, request.Name, request.ExpiresInDays.Value, scope);
        return TypedResults.Created($"/api/v1/me/tokens/{created.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(ClaimsPrincipal principal, PersonalAccessTokens tokens, Guid id) =>
        await tokens.RevokeAsync(principal.UserId()!.Value, id)
            ? TypedResults.NoContent()
            : TypedResults.Problem("You have no token with that id.", statusCode: StatusCodes.Status404NotFound);
}
