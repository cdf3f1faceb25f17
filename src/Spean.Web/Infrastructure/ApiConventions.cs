using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spean.Core.Data;
using Spean.Core;

namespace Spean.Web.Infrastructure;

internal static class ApiConventions
{
    public const string PublicApiLimit = "public-api";

    public static IServiceCollection AddSpeanApiConventions(this IServiceCollection services, IConfiguration configuration)
    {
        // A form's refusals come field by field in "errors"; clients that read only the detail (most do) still learn what to change.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is HttpValidationProblemDetails { Detail: null or "" } invalid && invalid.Errors.Count > 0)
                invalid.Detail = string.Join(" ", invalid.Errors.SelectMany(e => e.Value).Distinct());
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolver = (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RequestJson.RefuseNullItems).WithAddedModifier(RequestJson.RefuseNulText);
        });
        // A body or parameter the endpoint cannot read is thrown, so the handler below can say which field to change.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        var signInsPerMinute = configuration.GetValue("Spean:SignInAttemptsPerMinute", 10);
        var publicRequestsPerMinute = configuration.GetValue("Spean:PublicApiRequestsPerMinute", 300);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => ProblemResponses.WriteAsync(context.HttpContext,
                StatusCodes.Status429TooManyRequests, "Too many attempts. Wait a minute and try again. / ការព្យាយាមច្រើនពេក។ សូមរង់ចាំមួយនាទី ហើយព្យាយាមម្តងទៀត។");
            // Sign-in forms post to their page, so the limit sits on those posts rather than on an endpoint.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("other"));
            options.AddPolicy(PublicApiLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = publicRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static void UseSpeanErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(context =>
        {
            if (context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException unreadable)
                return ProblemResponses.WriteAsync(context, unreadable.StatusCode, ProblemResponses.Unreadable(unreadable)).AsTask();
            return ProblemResponses.IsApi(context.Request)
                ? ProblemResponses.WriteAsync(context, StatusCodes.Status500InternalServerError,
                    "Something went wrong on the server. Try again, and tell an administrator if it happens again.").AsTask()
                : ErrorPage.WriteAsync(context);
        }));
        // An unreadable body or parameter, or text holding NUL, is the client's mistake: answered here, it is not logged as an
        // unhandled exception with its stack, so a client sending bad JSON in a loop cannot flood the log with errors.
        app.Use(async (context, next) =>
        {
            try
            {
                RequestText.RefuseNul(context);
                await next(context);
            }
            catch (BadHttpRequestException unreadable) when (!context.Response.HasStarted)
            {
                await ProblemResponses.WriteAsync(context, unreadable.StatusCode, ProblemResponses.Unreadable(unreadable));
            }
            catch (NulInRequestException refused) when (!context.Response.HasStarted)
            {
                await (ProblemResponses.IsApi(context.Request)
                    ? ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, refused.Message).AsTask()
                    : ErrorPage.WriteAsync(context, refused));
            }
        });
        app.UseStatusCodePages(context => ProblemResponses.IsApi(context.HttpContext.Request) && !context.HttpContext.Response.HasStarted
            ? ProblemResponses.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, null).AsTask()
            : Task.CompletedTask);
    }

    public static void MapSpeanInfrastructure(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context, TimeProvider time) =>
            Localization.SwitchLanguage(culture, returnUrl, context, time)).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Says which renamed settings are still in use, applies migrations and loads the shipped reference data before the first request is served.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<SpeanOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Spean.Startup");
        foreach (var warning in app.Services.GetRequiredService<RenamedSettings>().Warnings)
            log.LogWarning("{Warning}", warning);
        var progress = new Progress<ImportProgress>(p => log.LogInformation("Loading shipped data: {Step} {Done}/{Total}", p.Step, p.Done, p.Total));
        await migrator.MigrateAsync(options.LoadReferenceDataOnStart,
            options.LoadReferenceDataOnStart && options.LoadRecommendationsOnStart, progress);
    }

    private sealed class DatabaseHealthCheck(SpeanDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
