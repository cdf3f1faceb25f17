using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Saved;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Recommendations.Saved;

public sealed record SavedSearchResponse(Guid Id, string Name, string QueryString, string Link, DateTime CreatedAt);

public sealed record SaveSearchRequest(string? Name, string? QueryString);

/// <summary>Saved searches through the API, and the two form posts the pages use (save from the search page, delete from the list).</summary>
internal static class SavedSearchesApi
{
    public static void MapSavedSearchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recommendations/saved-searches").WithTags("Recommendations").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", List);
        api.MapPost("/", Save);
        api.MapDelete("/{id:guid}", Delete);

        var forms = app.MapGroup("/recommendations/saved").RequireAuthorization(Policies.SignedIn).ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        forms.MapPost("/", async (ClaimsPrincipal user, SavedSearches saved, [Microsoft.AspNetCore.Mvc.FromForm] string? name,
            [Microsoft.AspNetCore.Mvc.FromForm] string? query) =>
        {
            var (parsed, _) = RecommendationQuery.Parse(query);
            var (_, error) = await saved.SaveAsync(user.UserId()!.Value, name, parsed ?? new());
            var back = parsed?.ToQueryString(withPaging: false) ?? "";
            return TypedResults.LocalRedirect($"/recommendations?{back}{(back.Length > 0 ? "&" : "")}saved={(error is null ? "1" : "0")}");
        });
        forms.MapPost("/{id:guid}/delete", async (ClaimsPrincipal user, SavedSearches saved, Guid id) =>
        {
            await saved.DeleteAsync(user.UserId()!.Value, id);
            return TypedResults.LocalRedirect("/recommendations/saved");
        });
    }

    private static async Task<Ok<List<SavedSearchResponse>>> List(ClaimsPrincipal user, SavedSearches saved) =>
        TypedResults.Ok((await saved.ListAsync(user.UserId()!.Value)).Select(Response).ToList());

    private static async Task<Results<Created<SavedSearchResponse>, ProblemHttpResult>> Save(
        ClaimsPrincipal user, SavedSearches saved, SaveSearchRequest request)
    {
        var (query, error) = RecommendationQuery.Parse(request.QueryString);
        if (query is null) return error!.Problem(StatusCodes.Status400BadRequest);
        var (search, problem) = await saved.SaveAsync(user.UserId()!.Value, request.Name, query);
        if (search is null) return problem!.Problem(StatusCodes.Status400BadRequest);
        return TypedResults.Created($"/api/v1/recommendations/saved-searches/{search.Id}", Response(search));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(ClaimsPrincipal user, SavedSearches saved, Guid id) =>
        await saved.DeleteAsync(user.UserId()!.Value, id)
            ? TypedResults.NoContent()
            : TypedResults.Problem("You have no saved search with that id.", statusCode: StatusCodes.Status404NotFound);


    private static SavedSearchResponse Response(SavedSearch s) =>
        new(s.Id, s.Name, s.QueryString, $"/recommendations?{s.QueryString}", s.CreatedAt);
}
