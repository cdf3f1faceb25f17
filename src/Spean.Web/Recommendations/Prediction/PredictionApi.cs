using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Recommendations.Classification;
using Spean.Web.Infrastructure;

namespace Spean.Web.Recommendations.Prediction;

public sealed record PredictionRequest(string? Text);

public sealed record PredictedIssue(string Issue, double Score);

/// <summary>Origin is always "Predicted": these are Spean's guesses from the text, never UPR Info's official labels.</summary>
public sealed record PredictionResponse(
    int ActionCategory, string CategoryName, string Origin, double Confidence, IReadOnlyList<string> DecisiveWords, IReadOnlyList<PredictedIssue> Issues);

internal static class PredictionApi
{
    private const int RetryAfterSeconds = 5;

    public static void MapPredictionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations").AllowAnonymous()
            .RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapPost("/predict", Predict);
    }

    private static Results<Ok<PredictionResponse>, ProblemHttpResult> Predict(PredictionRequest request, RecommendationClassifier classifier, HttpResponse response)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
            return TypedResults.Problem("Send the recommendation's text as 'text', e.g. {\"text\": \"Ratify the Convention against Torture\"}.",
                statusCode: StatusCodes.Status400BadRequest);
        if (text.Length > RecommendationClassifier.MaxTextLength)
            return TypedResults.Problem($"The text has {text.Length} characters; send one recommendation of at most {RecommendationClassifier.MaxTextLength}.",
                statusCode: StatusCodes.Status400BadRequest);
        if (classifier.Predict(text) is not { } prediction)
        {
            response.Headers.RetryAfter = $"{RetryAfterSeconds}";
            return TypedResults.Problem($"The model is still learning from the UPR Info data. Try again in {RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var action = prediction.Action;
        return TypedResults.Ok(new PredictionResponse(action.Category, ActionCategoryModel.CategoryName(action.Category), "Predicted",
            action.Confidence, action.DecisiveWords, prediction.Issues.Select(i => new PredictedIssue(i.Issue, i.Score)).ToList()));
    }
}
