using Spean.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Backup;
using Spean.Core.Implementation;
using Spean.Core.Monitoring;
using Spean.Core.Protection;
using Spean.Core.Recommendations;
using Spean.Core.Stakeholders;
using Spean.Core.Taxonomies;
using Spean.Core.Calendar;
using Spean.Core.Submissions.Calendar;

namespace Spean.Core.Data;

public static class CoreModules
{
    /// <summary>
    /// The database and every Core module, for the CLI, the benchmarks and tests that run Core without the web app
    /// (the web app registers each module from its own folder). A new module joins here once the CLI needs it.
    /// </summary>
    public static IServiceCollection AddSpeanCore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSpeanDatabase(configuration)
            .AddProtection(configuration)
            .AddAuditingServices()
            .AddTaxonomiesServices()
            .AddAccountsServices()
            .AddRecommendationsServices(configuration)
            .AddMonitoringServices(configuration)
            .AddImplementationServices()
            .AddStakeholdersServices()
            .AddNotificationsServices()
            .AddCalendarServices()
            .AddUprCalendarServices()
            .AddBackupServices();
}
