using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;

namespace Spean.Web.Infrastructure;

/// <summary>Refusals as the API says them: the English sentence as <c>detail</c> and a stable <c>code</c> for programs that say it in their own words.</summary>
internal static class RefusalProblems
{
    public static ProblemHttpResult Problem(this Refusal refusal, int statusCode) =>
        TypedResults.Problem(refusal.Message, statusCode: statusCode, title: refusal.Code.ToString(),
            extensions: new Dictionary<string, object?> { ["code"] = refusal.Code.ToString() });

    /// <summary>A form's refusals, field by field: "errors" holds the sentences and "codes" the code of each field.</summary>
    public static ValidationProblem Invalid(this IReadOnlyList<Refusal> refusals) =>
        TypedResults.ValidationProblem(
            refusals.GroupBy(r => r.Field ?? "").ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()),
            extensions: new Dictionary<string, object?>
            {
                ["codes"] = refusals.GroupBy(r => r.Field ?? "").ToDictionary(g => g.Key, g => g.First().Code.ToString()),
            });
}
