using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Campaigns.Media;

[LabelPrefix("MediaProblem")]
public enum MediaProblem
{
    FeedNotFound,
    MayNotManageFeeds,
    NotAWebAddress,
    PrivateAddress,
    UnknownHost,
    AlreadySubscribed,
    TitleTooLong,
    CampaignNotFound,
    ItemNotFound,
    MayNotChange,
}

/// <summary>An organisation's feeds, added and removed by its coordinators and administrators.</summary>
public sealed class MediaFeeds(SpeanDbContext db, TimeProvider time, MediaOptions options)
{
    public const int MaxUrlLength = 2_000;

    public static bool MayManage(Viewer viewer) => viewer is { Role: { } role, OrganisationId: not null } && role <= Role.Coordinator;

    public async Task<IReadOnlyList<MediaFeed>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        viewer.OrganisationId is { } organisation
            ? await db.Set<MediaFeed>().Where(f => f.OrganisationId == organisation).OrderBy(f => f.Title).ToListAsync(cancellationToken)
            : [];

    public Task<MediaFeed?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Set<MediaFeed>().FirstOrDefaultAsync(f => f.Id == id && viewer.OrganisationId != null && f.OrganisationId == viewer.OrganisationId, cancellationToken);

    public async Task<Outcome<MediaFeed>> AddAsync(string? url, string? title, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!MayManage(viewer)) return MayNotManage;
        var organisation = viewer.OrganisationId!.Value;
        if (await CheckAsync(url, cancellationToken) is { } refusal) return refusal;
        var address = new Uri(url!.Trim());
        var name = string.IsNullOrWhiteSpace(title) ? address.Host : title.Trim();
        if (name.Length > 300) return new Refusal(MediaProblem.TitleTooLong, "Keep the feed's title to 300 characters.") { Field = "title" };
        if (await db.Set<MediaFeed>().AnyAsync(f => f.OrganisationId == organisation && f.Url == address.AbsoluteUri, cancellationToken))
            return new Refusal(MediaProblem.AlreadySubscribed, "Your organisation already follows this feed.") { Field = "url" };
        var feed = new MediaFeed
        {
            OrganisationId = organisation, Url = address.AbsoluteUri, Title = name, AddedById = viewer.UserId, AddedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return feed;
    }

    public async Task<Refusal?> RemoveAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!MayManage(viewer)) return MayNotManage;
        if (await FindAsync(id, viewer, cancellationToken) is not { } feed) return NotFound(id);
        db.Remove(feed);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Only http and https, and (unless allowed) only hosts whose every address is public.</summary>
    internal async Task<Refusal?> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")
            || address.UserInfo.Length > 0 || address.AbsoluteUri.Length > MaxUrlLength)
            return new Refusal(MediaProblem.NotAWebAddress,
                $"\"{url}\" is not a feed address: give the full http:// or https:// address of an RSS or Atom feed, without a user name or password.", url ?? "")
            { Field = "url" };
        if (options.AllowPrivateAddresses) return null;
        try
        {
            if (await FeedAddresses.ResolvePublicAsync(address.IdnHost, cancellationToken) is null)
                return PrivateAddress(address.Host);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return new Refusal(MediaProblem.UnknownHost, $"The name \"{address.Host}\" could not be found; check the address.", address.Host) { Field = "url" };
        }
        return null;
    }

    internal static Refusal PrivateAddress(string host) => new(MediaProblem.PrivateAddress,
        $"\"{host}\" is a loopback, private or link-local address; Spean fetches feeds only from the public internet.", host) { Field = "url" };

    internal static Refusal NotFound(Guid id) =>
        new(MediaProblem.FeedNotFound, $"Your organisation follows no feed with the id '{id}'. Check the link.", id);

    internal static readonly Refusal MayNotManage = new(MediaProblem.MayNotManageFeeds,
        "Only coordinators and administrators of an organisation add, remove and check its feeds.");
}
