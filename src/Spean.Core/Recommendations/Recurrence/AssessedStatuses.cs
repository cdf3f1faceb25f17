using Spean.Core.Accounts;

namespace Spean.Core.Recommendations.Recurrence;

/// <summary>
/// How far each recommendation was implemented, by the name of its status (e.g. "NotImplemented"), as the reader may
/// know it. The module that records assessments provides it; Recommendations only shows the answer beside each earlier
/// recommendation, and shows nothing when no such module is registered.
/// </summary>
public interface IAssessedStatuses
{
    Task<IReadOnlyDictionary<Guid, string>> OfAsync(IReadOnlyCollection<Guid> recommendationIds, Viewer viewer, CancellationToken cancellationToken = default);
}
