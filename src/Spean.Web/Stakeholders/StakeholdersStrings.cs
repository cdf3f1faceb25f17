using Microsoft.Extensions.Localization;
using Spean.Core;
using Spean.Web.Infrastructure;

namespace Spean.Web.Stakeholders;

/// <summary>Marker for the module's own strings (StakeholdersStrings.resx and .km.resx).</summary>
public sealed class StakeholdersStrings;

internal static class StakeholdersText
{
    /// <summary>A refusal in the reader's language, from the module's resource named after its code ("StakeholderProblem.NameRequired").</summary>
    public static string Say(this IStringLocalizer<StakeholdersStrings> S, Refusal refusal) =>
        S[$"{refusal.Code.GetType().Name}.{refusal.Code}", [.. refusal.Arguments]];

    /// <summary>The name in the reader's script when there is one.</summary>
    public static string Name(string latin, string? khmer) => Localization.IsKhmer && khmer is not null ? khmer : latin;

    /// <summary>The other script's name, shown beside the first when it differs.</summary>
    public static string? OtherName(string latin, string? khmer) => khmer is null || khmer == latin ? null : Localization.IsKhmer ? latin : khmer;
}
