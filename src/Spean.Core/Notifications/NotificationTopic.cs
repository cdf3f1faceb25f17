using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Notifications;

/// <summary>
/// A kind of notification a module sends ("submission-deadline", "follow-up-due"), with its name in both languages for
/// the preferences page, and whether it is e-mailed to someone who has not chosen.
/// </summary>
public sealed record NotificationTopic(string Key, string NameEn, string NameKm, bool EmailByDefault);

/// <summary>The title of a notification in both languages and the page it opens.</summary>
public sealed record NotificationText(string TitleEn, string TitleKm, string? Link);

public static class NotificationTopicRegistration
{
    /// <summary>Makes the topic known to the preferences page; a module registers each topic it sends.</summary>
    public static IServiceCollection AddNotificationTopic(this IServiceCollection services, NotificationTopic topic) =>
        services.AddSingleton(topic);
}
