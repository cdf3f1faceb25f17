using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Campaigns.Media;

/// <summary>An item in a campaign's inbox as its people read it.</summary>
public sealed record InboxEntry(Guid MatchId, string Title, string Summary, string? Link, DateTime? PublishedAt, DateTime MatchedAt, string Source,
    IReadOnlyList<string> Keywords, bool Dismissed, Guid? StatementId);

/// <summary>Where a report or statement made from an item is, and whether this call made it.</summary>
public sealed record MadeFromItem(Guid Id, bool Created);

/// <summary>
/// A campaign's media inbox: only the people taking part in the campaign (<see cref="CampaignAccess.TakesPart"/>) read it,
/// since its items come from their organisations' feeds; anyone else is told there is no such campaign.
/// </summary>
public sealed class MediaInbox(SpeanDbContext db, ReportEditor reports, CampaignStatements statements, TimeProvider time)
{
    public const int PageSize = 100;

    /// <summary>The campaign, if the viewer takes part in it.</summary>
    public Task<Campaign?> CampaignAsync(Guid campaignId, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Set<Campaign>().Include(c => c.Members).Where(CampaignAccess.TakingPart(viewer)).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);

    public async Task<Outcome<IReadOnlyList<InboxEntry>>> ListAsync(Guid campaignId, Viewer viewer, bool dismissed = false,
        CancellationToken cancellationToken = default)
    {
        if (await CampaignAsync(campaignId, viewer, cancellationToken) is null) return NotFound(campaignId);
        var rows = await (
            from m in db.Set<MediaMatch>()
            join i in db.Set<MediaItem>() on m.ItemId equals i.Id
            join f in db.Set<MediaFeed>() on i.FeedId equals f.Id
            where m.CampaignId == campaignId && (m.DismissedAt != null) == dismissed
            orderby (i.PublishedAt ?? i.FetchedAt) descending, m.Id descending
            select new { m.Id, i.Title, i.Summary, i.Link, i.PublishedAt, m.MatchedAt, Source = f.Title, m.Keywords, m.DismissedAt, m.StatementId })
            .Take(PageSize).ToListAsync(cancellationToken);
        return rows.Select(r => new InboxEntry(r.Id, r.Title, r.Summary, r.Link, r.PublishedAt, r.MatchedAt, r.Source, r.Keywords, r.DismissedAt != null,
            r.StatementId)).ToList();
    }

    public async Task<Refusal?> DismissAsync(Guid campaignId, Guid matchId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (match, _, refusal) = await OpenAsync(campaignId, matchId, viewer, cancellationToken);
        if (match is null) return refusal;
        match.DismissedAt ??= time.GetUtcNow().UtcDateTime;
        match.DismissedById ??= viewer.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// A second-hand draft report by the viewer, for the viewer's organisation, with the item's title, text and link. The
    /// report's device id is derived from the item and the viewer, so asking again returns the same report.
    /// </summary>
    public async Task<Outcome<MadeFromItem>> ToReportAsync(Guid campaignId, Guid matchId, string? category, string? adminUnitCode, string? countryIso3, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var (match, item, refusal) = await OpenAsync(campaignId, matchId, viewer, cancellationToken);
        if (match is null) return refusal!;
        var source = await db.Set<MediaFeed>().Where(f => f.Id == item!.FeedId).Select(f => f.Title).SingleAsync(cancellationToken);
        var occurred = DateOnly.FromDateTime(item!.PublishedAt ?? item.FetchedAt);
        var narrative = $"{(item.Summary.Length > 0 ? item.Summary : item.Title)}\n\nSource: {source}, {occurred:yyyy-MM-dd}" +
            (item.Link is null ? "" : $", {item.Link}");
        var input = new ReportInput(ClientId(match.Id, viewer.UserId!.Value), item.Title.Length > 300 ? item.Title[..300] : item.Title, narrative,
            category, occurred, null, adminUnitCode, SourceKind: nameof(SourceKind.SecondHand), MediaLinks: item.Link is null ? [] : [item.Link],
            Tags: ["media"], CountryIso3: countryIso3);
        var outcome = await reports.CreateAsync(input, viewer.UserId.Value, viewer.OrganisationId, cancellationToken);
        return outcome.Refused ? Outcome.Refuse<MadeFromItem>(outcome.Refusals) : new MadeFromItem(outcome.Value.Report.Id, outcome.Value.Created);
    }

    /// <summary>A statement draft with the item as its reason; the one already drafted from this item if there is one.</summary>
    public async Task<Outcome<MadeFromItem>> ToStatementAsync(Guid campaignId, Guid matchId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (match, item, refusal) = await OpenAsync(campaignId, matchId, viewer, cancellationToken);
        if (match is null) return refusal!;
        if (match.StatementId is { } existing) return new MadeFromItem(existing, false);
        var title = item!.Title.Length > 200 ? item.Title[..200] : item.Title;
        var link = item.Link is null ? "" : $"\n{item.Link}";
        var (statement, refused) = await statements.DraftAsync(campaignId, new StatementText(
            $"Statement on: {title}", $"សេចក្ដីថ្លែងការណ៍អំពី៖ {title}",
            $"Reason: {item.Title}{link}\n\n(Write the statement here.)",
            $"មូលហេតុ៖ {item.Title}{link}\n\n(សរសេរសេចក្ដីថ្លែងការណ៍នៅទីនេះ។)"), viewer, cancellationToken);
        if (statement is null) return refused!;
        match.StatementId = statement.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new MadeFromItem(statement.Id, true);
    }

    private async Task<(MediaMatch? Match, MediaItem? Item, Refusal? Refusal)> OpenAsync(Guid campaignId, Guid matchId, Viewer viewer,
        CancellationToken cancellationToken)
    {
        if (await CampaignAsync(campaignId, viewer, cancellationToken) is not { } campaign) return (null, null, NotFound(campaignId));
        var match = await db.Set<MediaMatch>().FirstOrDefaultAsync(m => m.Id == matchId && m.CampaignId == campaignId, cancellationToken);
        if (match is null) return (null, null, new Refusal(MediaProblem.ItemNotFound, $"The campaign's inbox holds no item with the id '{matchId}'.", matchId));
        if (!CampaignAccess.MayChange(campaign, viewer))
            return (null, null, new Refusal(MediaProblem.MayNotChange, "Only members, coordinators and administrators taking part in the campaign act on its inbox."));
        var item = await db.Set<MediaItem>().SingleAsync(i => i.Id == match.ItemId, cancellationToken);
        return (match, item, null);
    }

    internal static Guid ClientId(Guid matchId, Guid userId)
    {
        var hash = SHA256.HashData([.. matchId.ToByteArray(), .. userId.ToByteArray()]);
        return new Guid(hash.AsSpan(0, 16));
    }

    private static Refusal NotFound(Guid id) =>
        new(MediaProblem.CampaignNotFound, $"No campaign you take part in has the id '{id}'. Check the link.", id);
}
