using System.Globalization;
using Spean.Core.Monitoring.Reports;
using Spean.Web.Infrastructure;

namespace Spean.Web.Monitoring;

internal static class ReportLabels
{
    public static string Category(string code) => ReportCategories.Find(code) is { } c ? (Localization.IsKhmer ? c.NameKm : c.NameEn) : code;

    public static string Dates(DateOnly from, DateOnly? to) =>
        from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (to is { } end && end != from ? " – " + end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
}
