using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Notifications;

/// <summary>What one user receives of one topic: in the app, by e-mail, both or neither.</summary>
public sealed record TopicChoice(NotificationTopic Topic, bool InApp, bool Email);

/// <summary>One topic as the user chose it in a form or request.</summary>
public sealed record TopicChoiceInput(string Topic, bool InApp, bool Email);

public enum PreferenceProblem
{
    UnknownTopic,
}

/// <summary>Each user's choice per registered topic; a topic never chosen follows its defaults (in the app, and by e-mail where the topic says).</summary>
public sealed class NotificationPreferences(SpeanDbContext db, IEnumerable<NotificationTopic> registered)
{
    public IReadOnlyList<NotificationTopic> Topics { get; } =
        [.. registered.DistinctBy(t => t.Key).OrderBy(t => t.NameEn, StringComparer.OrdinalIgnoreCase)];

    public async Task<IReadOnlyList<TopicChoice>> ForAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Topic, cancellationToken);
        return [.. Topics.Select(t => chosen.GetValueOrDefault(t.Key) is { } p
            ? new TopicChoice(t, p.InApp, p.Email)
            : new TopicChoice(t, true, t.EmailByDefault))];
    }

    /// <summary>Saves the choices given; topics not given keep what they were. Nothing is saved when a topic is unknown.</summary>
    public async Task<Refusal?> SaveAsync(Guid userId, IReadOnlyCollection<TopicChoiceInput> choices, CancellationToken cancellationToken = default)
    {
        if (choices.FirstOrDefault(c => Topics.All(t => t.Key != c.Topic)) is { } unknown)
            return new Refusal(PreferenceProblem.UnknownTopic,
                $"There is no notification topic '{unknown.Topic}'. Use one of: {string.Join(", ", Topics.Select(t => t.Key))}.", unknown.Topic);
        var rows = await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Topic, cancellationToken);
        foreach (var choice in choices.DistinctBy(c => c.Topic))
        {
            if (rows.GetValueOrDefault(choice.Topic) is { } row)
            {
                row.InApp = choice.InApp;
                row.Email = choice.Email;
            }
            else
                db.Add(new NotificationPreference { UserId = userId, Topic = choice.Topic, InApp = choice.InApp, Email = choice.Email });
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
