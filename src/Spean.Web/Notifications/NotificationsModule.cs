using Spean.Core;
using Spean.Core.Notifications;
using Spean.Web.Components;
using Spean.Web.Mail;

namespace Spean.Web.Notifications;

internal static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddNotificationsServices();
        var options = builder.Services.RenamedSettings().Bind<NotificationOptions>(builder.Configuration, NotificationOptions.Section);
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<NotificationMail>();
        builder.Services.AddHostedService<ReminderTimer>();
        builder.Services.AddPageSection(new(PageSections.Header, 10, typeof(NotificationBell)));
        builder.Services.AddPageSection(new(PageSections.HomeAwaiting, 100, typeof(UnreadNotificationsSection)));
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapNotificationsApi();
        if (app.Services.GetRequiredService<MailOptions>().IsConfigured && string.IsNullOrWhiteSpace(app.Services.GetRequiredService<NotificationOptions>().PublicBaseUrl))
            app.Logger.LogWarning("Spean:Notifications:PublicBaseUrl is not set, so notification e-mails cannot link to the page they are about; set it to the address people open Spean at");
        return app;
    }
}
