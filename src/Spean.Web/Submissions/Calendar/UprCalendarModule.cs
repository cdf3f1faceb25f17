using Spean.Core.Submissions.Calendar;
using Spean.Web.Calendar;
using Spean.Web.Components.Layout;

namespace Spean.Web.Submissions.Calendar;

/// <summary>The UPR calendar's part of Submissions; the Submissions module's own Add and Map may call these instead of Program.cs.</summary>
internal static class UprCalendarModule
{
    public static WebApplicationBuilder AddUprCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddUprCalendarServices();
        builder.Services.AddMenuEntry(new(18, "/submissions/calendar", "UprCalendar.Nav", Strings: typeof(CalendarStrings)));
        return builder;
    }

    public static WebApplication MapUprCalendar(this WebApplication app)
    {
        app.MapUprCalendarApi();
        app.MapStateFeed();
        return app;
    }
}
