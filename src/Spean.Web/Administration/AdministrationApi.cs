using Spean.Web.Accounts;

namespace Spean.Web.Administration;

internal static class AdministrationApi
{
    public static void MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);
        admin.MapUserAdministrationApi();
        admin.MapOrganisationsApi();
    }
}
