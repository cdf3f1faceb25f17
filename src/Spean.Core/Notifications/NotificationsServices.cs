using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Notifications;

public static class NotificationsServices
{
    /// <summary>Storing notifications and running the modules' reminder sources; each module registers its topics and sources.</summary>
    public static IServiceCollection AddNotificationsServices(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<ReminderRun>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationPreferences>();
        return services;
    }
}
