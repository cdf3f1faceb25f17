using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Calendar;
using Spean.Core.Notifications;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Import;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Stakeholders.Relationships;

namespace Spean.Core.Stakeholders;

public static class StakeholdersServices
{
    /// <summary>The register, engagement log, relationships and CSV/vCard exchange, for the web app and the CLI alike.</summary>
    public static IServiceCollection AddStakeholdersServices(this IServiceCollection services)
    {
        services.AddScoped<StakeholderRegister>();
        services.AddScoped<EngagementLog>();
        services.AddScoped<RelationshipGraph>();
        services.AddScoped<StakeholderImporter>();
        services.AddScoped<StakeholderExport>();
        services.AddScoped<IReminderSource, FollowUpReminders>();
        services.AddScoped<ICalendarSource, FollowUpDates>();
        services.AddNotificationTopic(FollowUpReminders.Topic);
        return services;
    }
}
