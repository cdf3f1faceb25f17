using System.Diagnostics;
using Spean.Core.Recommendations.Classification;

namespace Spean.Web.Recommendations.Prediction;

/// <summary>Trains the prediction models once, on a background thread, so that start-up does not wait for them.</summary>
internal sealed class ClassifierTraining(RecommendationClassifier classifier, ClassifierOptions options, ILogger<ClassifierTraining> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.TrainOnStart ? Task.Run(Train, stoppingToken) : Task.CompletedTask;

    private void Train()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            classifier.Train();
            log.LogInformation("Prediction models trained in {Seconds:F1} s", clock.Elapsed.TotalSeconds);
        }
        catch (IOException e)
        {
            // A failure here must not stop the app: prediction stays unavailable, everything else works.
            log.LogError(e, "Prediction models could not be trained from the shipped UPR Info file");
        }
    }
}
