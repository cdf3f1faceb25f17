using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Monitoring.Map;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Monitoring;

public static class MonitoringServices
{
    /// <summary>Reports, people, evidence, custody, key rotation and the map, for the web app and the CLI alike.</summary>
    public static IServiceCollection AddMonitoringServices(this IServiceCollection services, IConfiguration configuration)
    {
        var evidence = services.RenamedSettings().Bind<EvidenceOptions>(configuration, EvidenceOptions.Section,
            ("Spean:EvidenceDirectory", nameof(EvidenceOptions.Directory)), ("Spean:EvidenceMaxBytes", nameof(EvidenceOptions.MaxBytes)));
        evidence.Directory ??= Path.Combine(SpeanOptions.From(configuration).DataDirectory, "evidence");
        services.AddSingleton(evidence);
        services.AddSingleton<IInterceptor, ReportSearchTextInterceptor>();
        services.AddSingleton<ReportCounts>();
        services.AddSingleton<IInterceptor, ReportCountsInterceptor>();
        services.AddScoped<ReportPeople>();
        services.AddScoped<CustodyLog>();
        services.AddScoped<EvidenceStore>();
        services.AddScoped<PublicCopies>();
        services.AddSingleton<PublicCopyCache>();
        services.AddScoped<EvidenceVerification>();
        services.AddScoped<EvidenceLeftovers>();
        services.AddScoped<KeyRotation>();
        services.AddSingleton(_ => CambodiaBoundaries.Load(CambodiaBoundaries.ShippedDirectory));
        services.AddSingleton(provider => new ProvinceMap(provider.GetRequiredService<CambodiaBoundaries>()));
        services.AddSingleton(provider => new CambodiaOutline(provider.GetRequiredService<CambodiaBoundaries>()));
        services.AddSingleton<MapConcessions>();
        services.AddScoped<ReportCountsByProvince>();
        services.AddScoped<ReportEditor>();
        services.AddScoped<ReportWorkflow>();
        services.AddScoped<ReportSearch>();
        services.AddScoped<ReportTimeline>();
        services.AddScoped<ReportExport>();
        return services;
    }
}
