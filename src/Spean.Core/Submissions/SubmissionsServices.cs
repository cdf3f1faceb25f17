using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Notifications;
using Spean.Core.Submissions.Drafting;
using Spean.Core.Submissions.Reminders;

namespace Spean.Core.Submissions;

public static class SubmissionsServices
{
    /// <summary>Drafting joint UPR submissions: signatories, clusters, paragraphs with their history, word counts, the Word export and reminders.</summary>
    public static IServiceCollection AddSubmissionsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(services.RenamedSettings().Bind<SubmissionsOptions>(configuration, SubmissionsOptions.Section));
        services.AddScoped<SubmissionEditor>();
        services.AddScoped<SubmissionText>();
        services.AddScoped<SubmissionWords>();
        services.AddScoped<SubmissionQuery>();
        services.AddScoped<ParagraphEditor>();
        services.AddScoped<ParagraphHistory>();
        services.AddScoped<IReminderSource, SubmissionReminders>();
        services.AddNotificationTopic(SubmissionReminders.Topic);
        return services;
    }
}
