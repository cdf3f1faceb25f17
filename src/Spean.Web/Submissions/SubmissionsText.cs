using Microsoft.Extensions.Localization;
using Spean.Core;
using Spean.Core.Submissions;

namespace Spean.Web.Submissions;

internal static class SubmissionsText
{
    /// <summary>A refusal in the reader's language, from "SubmissionProblem.{Code}" in the module's strings.</summary>
    public static string Say(this IStringLocalizer<SubmissionsStrings> S, Refusal refusal) => S[$"{refusal.Code.GetType().Name}.{refusal.Code}", refusal.Arguments];

    public static string State(this SubmissionSummary s) => Infrastructure.Localization.IsKhmer ? s.StateNameKm : s.StateNameEn;
}
