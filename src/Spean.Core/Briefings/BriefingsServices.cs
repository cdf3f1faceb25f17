using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Briefings;

public static class BriefingsServices
{
    /// <summary>The embassy briefing, for the web app (and the CLI once it prints briefings).</summary>
    public static IServiceCollection AddBriefingsServices(this IServiceCollection services)
    {
        services.AddScoped<EmbassyBriefing>();
        return services;
    }
}
