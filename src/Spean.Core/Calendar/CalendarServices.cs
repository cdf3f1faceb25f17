using Microsoft.Extensions.DependencyInjection;

namespace Spean.Core.Calendar;

public static class CalendarServices
{
    /// <summary>The calendar over every registered <see cref="ICalendarSource"/> and the secret feed addresses.</summary>
    public static IServiceCollection AddCalendarServices(this IServiceCollection services)
    {
        services.AddScoped<PersonalCalendar>();
        services.AddScoped<CalendarFeeds>();
        return services;
    }
}
