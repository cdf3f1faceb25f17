using Microsoft.Extensions.Localization;
using Spean.Core;

namespace Spean.Web.Briefings;

/// <summary>Marker for the module's own strings (BriefingsStrings.resx and .km.resx).</summary>
public sealed class BriefingsStrings;

internal static class BriefingsText
{
    /// <summary>A refusal in the reader's language, from the module's resource named after its code ("BriefingProblem.UnknownState").</summary>
    public static string Say(this IStringLocalizer<BriefingsStrings> S, Refusal refusal) =>
        S[$"{refusal.Code.GetType().Name}.{refusal.Code}", [.. refusal.Arguments]];
}
