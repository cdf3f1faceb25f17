using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Spean.Core.Auditing;
using Spean.Web.Infrastructure;

namespace Spean.Web.Accounts;

/// <summary>Every refused request lands in the audit trail; API callers get problem details instead of a redirect.</summary>
internal sealed class RefusalHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler pages = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await next(context);
            return;
        }
        var audit = context.RequestServices.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(AuditAction.Refused,
            $"{context.Request.Method} {context.Request.Path} ({(result.Challenged ? "not signed in" : "not allowed")})");
        if (ProblemResponses.IsApi(context.Request))
            await ProblemResponses.WriteAsync(context,
                result.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, null);
        else
            await pages.HandleAsync(next, context, policy, result);
    }
}
