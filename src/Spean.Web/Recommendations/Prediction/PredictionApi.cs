using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Recurrence;
using Spean.Web.Infrastructure;

namespace Spean.Web.Recommendations.Prediction;

/// <param name="StateUnderReview">ISO3 code of the State the recommendation is meant for; when given, the answer lists what that State was recommended before that the text asks again.</param>
public sealed record PredictionRequest(string? Text, string? StateUnderReview = null);

public sealed record PredictedIssue(string Issue, double Score);

/// <summary>Origin is always "Predicted": these are Spean's guesses from the text, never UPR Info's official labels.</summary>
public sealed record PredictionResponse(
    int ActionCategory, string CategoryName, string Origin, double Confidence, IReadOnlyList<string> DecisiveWords, IReadOnlyList<PredictedIssue> Issues,
    IReadOnlyList<SimilarRecommendation>? RecommendedBefore);

internal static class PredictionApi
{
    private const int RetryAfterSeconds = 5;

    /// <summary>Enough to see whether and how often a State was asked this before, short enough to read.</summary>
    public const int RecommendedBeforeLimit = 10;

    public static void MapPredictionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations").AllowAnonymous()
            .RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapPost("/predict", Predict);
    }

    private static async Task<Results<Ok<PredictionResponse>, ProblemHttpResult>> Predict(
        PredictionRequest request, RecommendationClassifier classifier, SpeanDbContext db, RecommendationRecurrence recurrence, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
            return TypedResults.Problem("Send the recommendation's text as 'text', e.g. {\"text\": \"Ratify the Convention against Torture\"}.",
                statusCode: StatusCodes.Status400BadRequest);
        if (text.Length > RecommendationClassifier.MaxTextLength)
            return TypedResults.Problem($"The text has {text.Length} characters; send one recommendation of at most {RecommendationClassifier.MaxTextLength}.",
                statusCode: StatusCodes.Status400BadRequest);
        var state = request.StateUnderReview?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(state) && !await db.Countries.AnyAsync(c => c.Iso3 == state, cancellationToken))
            return TypedResults.Problem($"'{request.StateUnderReview}' is not the ISO3 code of a State Spean knows; send e.g. \"KHM\" for Cambodia, or leave stateUnderReview out.",
                statusCode: StatusCodes.Status400BadRequest);
        if (classifier.Predict(text) is not { } prediction)
        {
            response.Headers.RetryAfter = $"{RetryAfterSeconds}";
            return TypedResults.Problem($"The model is still learning from the UPR Info data. Try again in {RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var action = prediction.Action;
        var before = string.IsNullOrEmpty(state) ? null
            : await recurrence.ResemblingAsync(state, text, prediction.Issues.Select(i => i.Issue).ToList(), RecommendedBeforeLimit, cancellationToken);
        return TypedResults.Ok(new PredictionResponse(action.Category, ActionCategoryModel.CategoryName(action.Category), "Predicted",
            action.Confidence, action.DecisiveWords, prediction.Issues.Select(i => new PredictedIssue(i.Issue, i.Score)).ToList(), before));
    }
}
