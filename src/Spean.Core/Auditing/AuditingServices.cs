using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Auditing;

public static class AuditingServices
{
    /// <summary>Who acts in the current scope, the trail of events, and the reading of entries. The interceptor that audits every save is the database's (Data/DatabaseRegistration.cs).</summary>
    public static IServiceCollection AddAuditingServices(this IServiceCollection services)
    {
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditQuery>();
        return services;
    }
}
