using Spean.Core.Accounts;
using Spean.Core.Recommendations.Recurrence;

namespace Spean.Core.Implementation.Assessments;

/// <summary>The counting assessment's status of each recommendation, for the recurrence views of Recommendations.</summary>
internal sealed class AssessedStatuses(AssessmentQuery assessments) : IAssessedStatuses
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(
        IReadOnlyCollection<Guid> recommendationIds, Viewer viewer, CancellationToken cancellationToken = default) =>
        (await assessments.CountingStatusesAsync(recommendationIds, viewer, cancellationToken)).ToDictionary(s => s.Key, s => s.Value.ToString());
}
