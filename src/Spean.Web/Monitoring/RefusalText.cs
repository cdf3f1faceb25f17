using System.Globalization;
using Microsoft.Extensions.Localization;
using Spean.Core;
using Spean.Core.Monitoring.Reports;

namespace Spean.Web.Monitoring;

internal static class RefusalText
{
    /// <summary>The refusal in the reader's language, from the resource named after its code ("WorkflowRefusal.ReasonRequired").</summary>
    public static string Say(this IStringLocalizer<Strings> L, Refusal refusal) =>
        L[$"{refusal.Code.GetType().Name}.{refusal.Code}", [.. refusal.Arguments.Select(a => Word(L, a))]];

    private static object Word(IStringLocalizer<Strings> L, object value) => value switch
    {
        ReportStatus status => L[$"Report.Status.{status}"].Value,
        IEnumerable<ReportStatus> statuses => string.Join(", ", statuses.Select(s => L[$"Report.Status.{s}"].Value)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value,
    };
}
