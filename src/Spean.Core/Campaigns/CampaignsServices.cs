using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Calendar;
using Spean.Core.Campaigns.Dates;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Campaigns.Templates;
using Spean.Core.Campaigns.Treaties;
using Spean.Core.Notifications;

namespace Spean.Core.Campaigns;

public static class CampaignsServices
{
    /// <summary>Campaign plans, templates, dates and reminders, the treaty tracker and statements.</summary>
    public static IServiceCollection AddCampaignsServices(this IServiceCollection services)
    {
        services.AddSingleton<CampaignTemplates>();
        services.AddSingleton<Anniversaries>();
        services.AddScoped<CampaignPlans>();
        services.AddScoped<CampaignEditor>();
        services.AddScoped<CampaignTargets>();
        services.AddScoped<CampaignDates>();
        services.AddScoped<ICalendarSource>(s => s.GetRequiredService<CampaignDates>());
        services.AddScoped<IReminderSource, ActionReminders>();
        services.AddNotificationTopic(ActionReminders.Topic);
        services.AddNotificationTopic(TreatyImporter.Topic);
        services.AddScoped<TreatyImporter>();
        services.AddScoped<TreatyTracker>();
        services.AddScoped<CampaignStatements>();
        return services;
    }
}
