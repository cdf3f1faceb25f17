using System.Security.Claims;
using Spean.Core.Auditing;

namespace Spean.Web.Accounts;

internal static class AuditActorMiddleware
{
    /// <summary>Tells the audit trail who is acting in this request.</summary>
    public static IApplicationBuilder UseSpeanAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var actor = context.RequestServices.GetRequiredService<AuditActor>();
            actor.IpAddress = context.Connection.RemoteIpAddress?.ToString();
            if (context.User.Identity?.IsAuthenticated == true)
            {
                actor.UserId = context.User.UserId();
                actor.UserName = context.User.FindFirstValue(ClaimTypes.Name);
                actor.OrganisationId = context.User.OrganisationId();
            }
            await next(context);
        });
}
