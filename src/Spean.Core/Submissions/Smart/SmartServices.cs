using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Submissions.Smart;

public static class SmartServices
{
    /// <summary>The SMART check of draft recommendations; its word lists are read once from data/smart.</summary>
    public static IServiceCollection AddSmartCheckServices(this IServiceCollection services)
    {
        services.AddSingleton(_ => SmartLexicon.LoadShipped());
        services.AddScoped<SmartChecker>();
        return services;
    }
}
