using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Backup;

public static class BackupServices
{
    public static IServiceCollection AddBackupServices(this IServiceCollection services)
    {
        services.AddScoped<BackupArchive>();
        return services;
    }
}
