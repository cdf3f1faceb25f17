using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Calendar;

public sealed record CreatedFeed(Guid Id, string Token, string Language);

public sealed record FeedSummary(Guid Id, string Language, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>Whose calendar a feed address shows, as whom, and in which language.</summary>
public sealed record FeedOwner(Viewer Viewer, string Language);

/// <summary>Secret calendar addresses: made, listed and revoked by their user, opened by calendar apps.</summary>
public sealed class CalendarFeeds(SpeanDbContext db, TimeProvider clock)
{
    public const int MaxLiveFeeds = 10;

    public static readonly string[] Languages = ["en", "km"];

    public async Task<Outcome<CreatedFeed>> CreateAsync(Viewer viewer, string language, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId) return new Refusal(CalendarProblem.SignInFirst, "Sign in to make a calendar address.");
        if (!Languages.Contains(language))
            return new Refusal(CalendarProblem.UnknownLanguage, $"Unknown language '{language}': use en (English) or km (Khmer).", language);
        if (await db.Set<CalendarFeed>().CountAsync(f => f.UserId == userId && f.RevokedAt == null, cancellationToken) >= MaxLiveFeeds)
            return new Refusal(CalendarProblem.TooManyFeeds, $"You have {MaxLiveFeeds} calendar addresses: revoke one you no longer use first.", MaxLiveFeeds);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new CalendarFeed { UserId = userId, TokenHash = Hash(token), Language = language, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedFeed(feed.Id, token, language);
    }

    public async Task<IReadOnlyList<FeedSummary>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        viewer.UserId is not { } userId
            ? []
            : await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.UserId == userId && f.RevokedAt == null).OrderBy(f => f.CreatedAt)
                .Select(f => new FeedSummary(f.Id, f.Language, f.CreatedAt, f.LastUsedAt)).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the viewer's own addresses; another user's, or an unknown one, is not found.</summary>
    public async Task<bool> RevokeAsync(Viewer viewer, Guid feedId, CancellationToken cancellationToken = default)
    {
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.Id == feedId && f.UserId == viewer.UserId && f.RevokedAt == null, cancellationToken);
        if (feed is null) return false;
        feed.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The user behind a live address, as they are now (role and organisation read afresh, so a demotion narrows the feed at
    /// once), or null for an unknown or revoked token or a disabled account. Last use is stamped without an audit line.
    /// </summary>
    /// <summary>How stale the last-use time shown to the owner may be.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<FeedOwner?> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 40 or > 60) return null;
        var hash = Hash(token);
        var found = await (from feed in db.Set<CalendarFeed>().AsNoTracking()
                           join user in db.Users on feed.UserId equals user.Id
                           where feed.TokenHash == hash && feed.RevokedAt == null && user.DisabledAt == null
                           select new { FeedId = feed.Id, feed.Language, feed.LastUsedAt, UserId = user.Id, user.Role, user.OrganisationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        // Calendar apps poll often and many at once: a write on every fetch would queue them all behind SQLite's one writer.
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - LastUseResolution;
        if (found.LastUsedAt is not { } last || last <= stale)
            await HintWrites.TryAsync(db.Database, () => db.Set<CalendarFeed>().Where(f => f.Id == found.FeedId && (f.LastUsedAt == null || f.LastUsedAt <= stale))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastUsedAt, now), cancellationToken));
        return new FeedOwner(new Viewer(found.UserId, found.Role, found.OrganisationId), found.Language);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public enum CalendarProblem
{
    SignInFirst,
    UnknownLanguage,
    TooManyFeeds,
}
