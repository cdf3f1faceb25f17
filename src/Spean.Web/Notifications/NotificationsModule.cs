using Spean.Core.Notifications;

namespace Spean.Web.Notifications;

internal static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddNotificationsServices();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app) => app;
}
