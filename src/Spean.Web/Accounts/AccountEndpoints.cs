using Microsoft.AspNetCore.Identity;
using Spean.Core.Accounts;
using Spean.Core.Auditing;

namespace Spean.Web.Accounts;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<SpeanUser> signIn, AuditTrail audit) =>
        {
            await audit.RecordAsync(AuditAction.SignedOut);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).AllowAnonymous().ExcludeFromDescription().WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
}
