using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Web.Accounts;

namespace Spean.Web.Administration;

public sealed record OrganisationSummary(Guid Id, string Name, string? NameKm);

public sealed record CreateOrganisationRequest(string Name, string? NameKm);

internal static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/organisations", ListOrganisations).WithSummary("The organisations you administer: all of them for a network administrator");
        admin.MapPost("/organisations", CreateOrganisation).WithSummary("Create a member organisation (network administrators)")
            .RequireAuthorization(Policies.NetworkAdministrator);
    }

    private static async Task<Ok<List<OrganisationSummary>>> ListOrganisations(ClaimsPrincipal principal, UserAdministration administration) =>
        TypedResults.Ok(await administration.Organisations(principal.AsAdministrator()).AsNoTracking().OrderBy(o => o.Name)
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
