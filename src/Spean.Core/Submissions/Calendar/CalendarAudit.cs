using Spean.Core.Auditing;

namespace Spean.Core.Submissions.Calendar;

/// <summary>Review dates are public: the trail shows every value.</summary>
internal sealed class CalendarAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(UprReview)] = AuditedEntity.Of<UprReview>(["Id", "StateIso3", "Cycle", "Session", "ReviewDate", "SubmissionDeadlineUtc",
            "PreSessionDate", "AdoptionDate", "MidtermReportDue"], []),
    };
}
