using Spean.Core.Calendar;
using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Calendar;

internal static class CalendarModule
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddCalendarServices();
        builder.Services.AddMenuEntry(new(45, "/calendar", "Calendar.Nav", Policies.SignedIn, typeof(CalendarStrings)));
        return builder;
    }

    public static WebApplication MapCalendar(this WebApplication app)
    {
        app.MapCalendarFeeds();
        return app;
    }
}
