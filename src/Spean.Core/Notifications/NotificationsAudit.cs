using Spean.Core.Auditing;

namespace Spean.Core.Notifications;

/// <summary>A notification's title may name a draft or a report; the trail keeps only who was told what kind of thing and when.</summary>
internal sealed class NotificationsAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Notification)] = AuditedEntity.Of<Notification>(["Id", "UserId", "Topic", "CreatedAt", "ReadAt", "Email", "EmailedAt"],
            ["Key", "TitleEn", "TitleKm", "Link"]),
        [typeof(NotificationPreference)] = AuditedEntity.Of<NotificationPreference>(["UserId", "Topic", "InApp", "Email"], []),
    };
}
