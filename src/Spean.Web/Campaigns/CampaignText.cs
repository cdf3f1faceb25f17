using System.Globalization;
using Microsoft.Extensions.Localization;
using Spean.Core;

namespace Spean.Web.Campaigns;

internal static class CampaignText
{
    /// <summary>A refusal in the reader's language, from the module's resource named after its code ("CampaignProblem.NameRequired").</summary>
    public static string Say(this IStringLocalizer<CampaignsStrings> C, Refusal refusal) =>
        C[$"{refusal.Code.GetType().Name}.{refusal.Code}", [.. refusal.Arguments.Select(a => a is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : a)]];

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "";
}
