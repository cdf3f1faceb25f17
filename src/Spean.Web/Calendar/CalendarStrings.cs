namespace Spean.Web.Calendar;

/// <summary>The marker for the calendar pages' strings (CalendarStrings.resx and .km.resx beside it).</summary>
public sealed class CalendarStrings;
