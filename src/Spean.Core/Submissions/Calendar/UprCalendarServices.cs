using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Calendar;

namespace Spean.Core.Submissions.Calendar;

public static class UprCalendarServices
{
    /// <summary>The UPR calendar (reviews, their dates, the CSV import) and its dates as a calendar source.</summary>
    public static IServiceCollection AddUprCalendarServices(this IServiceCollection services)
    {
        services.AddScoped<UprCalendar>();
        services.AddScoped<UprCalendarImporter>();
        services.AddScoped<ICalendarSource, UprCalendarSource>();
        return services;
    }
}
