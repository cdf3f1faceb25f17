using System.Globalization;
using Microsoft.Extensions.Localization;
using Spean.Core;

namespace Spean.Web.Calendar;

/// <summary>
/// Dates as a reader of the page's language writes them: "8 May 2024", or in Khmer with Khmer digits and month names,
/// "ថ្ងៃទី៨ ខែឧសភា ឆ្នាំ២០២៤". .NET's km culture writes Western digits, so the Khmer form is built here.
/// </summary>
internal static class CalendarDates
{
    private static readonly string[] KhmerMonths =
        ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"];

    public static readonly TimeZoneInfo PhnomPenh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Phnom_Penh");

    public static DateTimeOffset InPhnomPenh(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, PhnomPenh);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateOnly date, bool khmer) => khmer
        ? $"ថ្ងៃទី{KhmerDigits(date.Day)} ខែ{KhmerMonths[date.Month - 1]} ឆ្នាំ{KhmerDigits(date.Year)}"
        : date.ToString("d MMMM yyyy", English);

    public static string Month(int year, int month, bool khmer) => khmer
        ? $"ខែ{KhmerMonths[month - 1]} ឆ្នាំ{KhmerDigits(year)}"
        : new DateOnly(year, month, 1).ToString("MMMM yyyy", English);

    public static string Time(TimeOnly time, bool khmer)
    {
        var text = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return khmer ? KhmerDigits(text) : text;
    }

    public static string Number(int value, bool khmer) => khmer ? KhmerDigits(value) : value.ToString(CultureInfo.InvariantCulture);

    public static string KhmerDigits(int value) => KhmerDigits(value.ToString(CultureInfo.InvariantCulture));

    public static string KhmerDigits(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = source[i] is >= '0' and <= '9' ? (char)('\u17E0' + (source[i] - '0')) : source[i];
    });

    /// <summary>A refusal in the reader's language, from the calendar's own strings ("UprCalendarProblem.BadDate").</summary>
    public static string Say(this IStringLocalizer<CalendarStrings> C, Refusal refusal) =>
        C[$"{refusal.Code.GetType().Name}.{refusal.Code}", refusal.Arguments];
}
