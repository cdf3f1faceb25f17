namespace Spean.Core.Recommendations.Classification;

/// <summary>The prediction models ("Spean:Classifier:*", formerly "Spean:TrainClassifierOnStart").</summary>
public sealed class ClassifierOptions
{
    public const string Section = "Spean:Classifier";

    /// <summary>Trains the action-category and issue models in the background at start (several seconds of one core).</summary>
    public bool TrainOnStart { get; set; } = true;
}
