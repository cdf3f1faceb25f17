using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;

namespace Spean.Core.Campaigns.Media;

/// <summary>What one poll of one feed did.</summary>
public sealed record FeedPoll(Guid FeedId, int NewItems, int Matches, int Skipped, FeedProblem? Problem, string? Detail);

/// <summary>
/// Polls feeds: stores each item once per (feed, key), puts new items whose text holds a campaign's keywords into the
/// inboxes of the campaigns the feed's organisation takes part in, and tells those campaigns' people once per poll.
/// A feed that fails is marked with the reason and the next feed is polled all the same.
/// </summary>
public sealed class FeedPoller(SpeanDbContext db, FeedFetcher fetcher, KeywordMatcher matcher, Notifier notifier, TimeProvider time)
{
    public static readonly NotificationTopic Topic = new("campaign-media", "New media items in my campaign's inbox",
        "ព័ត៌មានថ្មីៗក្នុងប្រអប់សារព័ត៌មាននៃយុទ្ធនាការរបស់ខ្ញុំ", EmailByDefault: false);

    public async Task<IReadOnlyList<FeedPoll>> PollAllAsync(Guid? organisationId = null, CancellationToken cancellationToken = default)
    {
        var feeds = await db.Set<MediaFeed>().Where(f => organisationId == null || f.OrganisationId == organisationId)
            .OrderBy(f => f.LastPolledAt).Select(f => f.Id).ToListAsync(cancellationToken);
        var polls = new List<FeedPoll>();
        var matches = new List<MediaMatch>();
        foreach (var id in feeds)
        {
            var (poll, matched) = await PollFeedAsync(id, cancellationToken);
            polls.Add(poll);
            matches.AddRange(matched);
        }
        await NotifyAsync(matches, cancellationToken);
        return polls;
    }

    /// <summary>"Check now" for one feed of the viewer's organisation.</summary>
    public async Task<Outcome<FeedPoll>> PollAsync(Guid feedId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!MediaFeeds.MayManage(viewer)) return MediaFeeds.MayNotManage;
        if (!await db.Set<MediaFeed>().AnyAsync(f => f.Id == feedId && f.OrganisationId == viewer.OrganisationId, cancellationToken))
            return MediaFeeds.NotFound(feedId);
        var (poll, matches) = await PollFeedAsync(feedId, cancellationToken);
        await NotifyAsync(matches, cancellationToken);
        return poll;
    }

    private async Task<(FeedPoll Poll, IReadOnlyList<MediaMatch> Matches)> PollFeedAsync(Guid feedId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var feed = await db.Set<MediaFeed>().SingleAsync(f => f.Id == feedId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        feed.LastPolledAt = now;
        var fetched = await fetcher.FetchAsync(feed.Url, cancellationToken);
        var document = fetched.Body is { } body ? FeedReading.Read(new MemoryStream(body)) : null;
        if (fetched.Problem is not null || document?.NotAFeed is not null)
        {
            feed.LastProblem = fetched.Problem ?? FeedProblem.NotAFeed;
            feed.LastProblemDetail = Cut(fetched.Detail ?? document!.NotAFeed, 500);
            feed.LastSkippedItems = 0;
            await db.SaveChangesAsync(cancellationToken);
            return (new(feed.Id, 0, 0, 0, feed.LastProblem, feed.LastProblemDetail), []);
        }
        feed.LastProblem = null;
        feed.LastProblemDetail = null;
        feed.LastSucceededAt = now;
        feed.LastSkippedItems = document!.Skipped;

        var entries = document.Entries.DistinctBy(e => e.Key).ToList();
        var keys = entries.Select(e => e.Key).ToList();
        var known = (await db.Set<MediaItem>().Where(i => i.FeedId == feed.Id && keys.Contains(i.Key)).Select(i => i.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var items = entries.Where(e => !known.Contains(e.Key)).Select(e => new MediaItem
        {
            FeedId = feed.Id, Key = e.Key, Title = e.Title, Summary = e.Summary, Link = e.Link, PublishedAt = e.PublishedAt, FetchedAt = now,
        }).ToList();
        db.AddRange(items);

        var organisation = feed.OrganisationId;
        var campaigns = await db.Set<Campaign>()
            .Where(c => c.OrganisationId == organisation || c.Members.Any(m => m.OrganisationId == organisation))
            .Select(c => new { c.Id, c.KeywordsEn, c.KeywordsKm }).ToListAsync(cancellationToken);
        var keywords = campaigns.ToDictionary(c => c.Id, c => KeywordMatcher.Split(c.KeywordsEn).Concat(KeywordMatcher.Split(c.KeywordsKm)).ToList());
        var matches = new List<MediaMatch>();
        foreach (var item in items)
        {
            var words = matcher.Words($"{item.Title}\n{item.Summary}");
            foreach (var campaign in campaigns)
            {
                if (matcher.Matches(words, keywords[campaign.Id]) is { Count: > 0 } found)
                    matches.Add(new MediaMatch { CampaignId = campaign.Id, ItemId = item.Id, Keywords = [.. found], MatchedAt = now });
            }
        }
        db.AddRange(matches);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Polled at the same moment by the timer and by "check now": the other poll stored these items first.
            db.ChangeTracker.Clear();
            return (new(feed.Id, 0, 0, document.Skipped, null, null), []);
        }

        return (new(feed.Id, items.Count, matches.Count, document.Skipped, null, null), matches);
    }

    /// <summary>One notification per campaign for everything a poll matched, however many feeds and items.</summary>
    private async Task NotifyAsync(IReadOnlyList<MediaMatch> matches, CancellationToken cancellationToken)
    {
        foreach (var group in matches.GroupBy(m => m.CampaignId))
        {
            var campaign = await db.Set<Campaign>().Where(c => c.Id == group.Key).Select(c => new { c.Id, c.NameEn, c.NameKm }).SingleAsync(cancellationToken);
            var count = group.Count();
            await notifier.NotifyAsync(await PeopleOfAsync(campaign.Id, cancellationToken), Topic,
                new NotificationText($"{count} new media item(s) for {campaign.NameEn}", $"ព័ត៌មានថ្មី {count} សម្រាប់ {campaign.NameKm}",
                    $"/campaigns/{campaign.Id}/media"),
                $"campaign-media:{campaign.Id:N}:{group.Min(m => m.Id):N}", cancellationToken);
        }
    }

    private async Task<List<Guid>> PeopleOfAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var owner = db.Set<Campaign>().Where(c => c.Id == campaignId).Select(c => c.OrganisationId);
        var memberUsers = db.Set<CampaignMember>().Where(m => m.CampaignId == campaignId && m.UserId != null).Select(m => m.UserId!.Value);
        var memberOrganisations = db.Set<CampaignMember>().Where(m => m.CampaignId == campaignId && m.OrganisationId != null).Select(m => m.OrganisationId!.Value);
        return await db.Users.Where(u => u.DisabledAt == null && (memberUsers.Contains(u.Id)
                || (u.OrganisationId != null && (owner.Contains(u.OrganisationId.Value) || memberOrganisations.Contains(u.OrganisationId.Value)))))
            .Select(u => u.Id).ToListAsync(cancellationToken);
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
