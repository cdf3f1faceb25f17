using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Taxonomies;

public static class TaxonomiesServices
{
    /// <summary>The reference-data loader, the gazetteer and the country directory.</summary>
    public static IServiceCollection AddTaxonomiesServices(this IServiceCollection services)
    {
        services.AddScoped<ReferenceDataImporter>();
        services.AddScoped<Gazetteer>();
        services.AddScoped<CountryDirectory>();
        return services;
    }
}
