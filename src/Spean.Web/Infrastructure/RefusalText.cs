using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;
using Spean.Core;

namespace Spean.Web.Infrastructure;

internal static class RefusalText
{
    /// <summary>The refusal in the reader's language, from the resource named after its code ("WorkflowRefusal.ReasonRequired").</summary>
    public static string Say(this IStringLocalizer<Strings> L, Refusal refusal) =>
        L[$"{refusal.Code.GetType().Name}.{refusal.Code}", [.. refusal.Arguments.Select(a => Word(L, a))]];

    private static object Word(IStringLocalizer<Strings> L, object value) => value switch
    {
        Enum named when Prefix(named) is { } prefix => L[$"{prefix}.{named}"].Value,
        IEnumerable values and not string when values.Cast<object>().ToList() is var list && list.All(v => v is Enum e && Prefix(e) is not null) =>
            string.Join(", ", list.Cast<Enum>().Select(v => L[$"{Prefix(v)}.{v}"].Value)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string? Prefix(Enum value) => value.GetType().GetCustomAttribute<LabelPrefixAttribute>()?.Prefix;
}
