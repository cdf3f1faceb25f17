using Spean.Web.Infrastructure;

namespace Spean.Web.Accounts;

internal static class TwoFactorEnrolment
{
    private static readonly string[] OpenPaths = ["/account", "/culture", "/css", "/fonts", "/health", "/favicon.ico"];

    /// <summary>Network administrators, and administrators and coordinators when the network requires it, set up a second factor before anything else.</summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var owesSecondFactor = context.User.HasClaim(AccountsRegistration.TwoFactorRequiredClaim, "true");
            if (!owesSecondFactor || OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                await next(context);
                return;
            }
            if (ProblemResponses.IsApi(context.Request))
                await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden,
                    "Your role requires two-factor sign-in. Set it up at /account/two-factor, then try again.");
            else
                context.Response.Redirect("/account/two-factor");
        });
}
