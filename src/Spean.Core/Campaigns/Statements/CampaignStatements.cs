using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Core.Campaigns.Statements;

[LabelPrefix("StatementProblem")]
public enum StatementProblem
{
    StatementNotFound,
    MayNotChange,
    MayNotApprove,
    BothLanguagesRequired,
    TooLong,
    NotDraft,
    NotApproved,
}

public sealed record StatementText(string? TitleEn, string? TitleKm, string? BodyEn, string? BodyKm);

/// <summary>Drafting, approving and publishing a campaign's statements; every step through <see cref="CampaignAccess"/>.</summary>
public sealed class CampaignStatements(SpeanDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<Statement>> ForCampaignAsync(Guid campaignId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var visible = db.Set<Campaign>().Where(CampaignAccess.VisibleTo(viewer)).Select(c => c.Id);
        return await db.Set<Statement>().Where(s => s.CampaignId == campaignId && visible.Contains(s.CampaignId))
            .OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>A published statement, for anyone.</summary>
    public Task<Statement?> PublishedAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Set<Statement>().FirstOrDefaultAsync(s => s.Slug == slug && s.Status == StatementStatus.Published, cancellationToken);

    public async Task<Outcome<Statement>> DraftAsync(Guid campaignId, StatementText text, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        var campaign = await db.Set<Campaign>().Include(c => c.Members).Where(CampaignAccess.VisibleTo(viewer))
            .FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null || !CampaignAccess.MayChange(campaign, viewer))
            return campaign is null ? NotFound(campaignId) : MayNotChange;
        if (Check(text) is { } refusal) return refusal;
        var statement = new Statement
        {
            CampaignId = campaign.Id, TitleEn = text.TitleEn!.Trim(), TitleKm = text.TitleKm!.Trim(), BodyEn = text.BodyEn!.Trim(),
            BodyKm = text.BodyKm!.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime, CreatedById = viewer.UserId,
        };
        db.Add(statement);
        await db.SaveChangesAsync(cancellationToken);
        return statement;
    }

    /// <summary>Changes the text; an approved statement goes back to draft, since what was approved is not what it says now.</summary>
    public async Task<Outcome<Statement>> EditAsync(Guid id, StatementText text, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (statement, campaign) = await OpenAsync(id, viewer, cancellationToken);
        if (statement is null) return NotFound(id);
        if (!CampaignAccess.MayChange(campaign!, viewer)) return MayNotChange;
        if (statement.Status == StatementStatus.Published)
            return new Refusal(StatementProblem.NotDraft, "A published statement is not changed; draft a new one.");
        if (Check(text) is { } refusal) return refusal;
        (statement.TitleEn, statement.TitleKm, statement.BodyEn, statement.BodyKm) = (text.TitleEn!.Trim(), text.TitleKm!.Trim(), text.BodyEn!.Trim(), text.BodyKm!.Trim());
        statement.Status = StatementStatus.Draft;
        statement.ApprovedById = null;
        statement.ApprovedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return statement;
    }

    public async Task<Outcome<Statement>> ApproveAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (statement, campaign) = await OpenAsync(id, viewer, cancellationToken);
        if (statement is null) return NotFound(id);
        if (!CampaignAccess.MayApprove(campaign!, viewer)) return MayNotApprove;
        if (statement.Status != StatementStatus.Draft)
            return new Refusal(StatementProblem.NotDraft, "Only a draft is approved; this statement is already approved or published.");
        statement.Status = StatementStatus.Approved;
        statement.ApprovedById = viewer.UserId;
        statement.ApprovedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return statement;
    }

    public async Task<Outcome<Statement>> PublishAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (statement, campaign) = await OpenAsync(id, viewer, cancellationToken);
        if (statement is null) return NotFound(id);
        if (!CampaignAccess.MayApprove(campaign!, viewer)) return MayNotApprove;
        if (statement.Status != StatementStatus.Approved)
            return new Refusal(StatementProblem.NotApproved, "Approve the statement before publishing it.");
        statement.Status = StatementStatus.Published;
        statement.PublishedAt = time.GetUtcNow().UtcDateTime;
        statement.Slug = $"{Slug(statement.TitleEn)}-{statement.Id.ToString("N")[^8..]}";
        await db.SaveChangesAsync(cancellationToken);
        return statement;
    }

    public async Task<(Statement? Statement, Campaign? Campaign)> OpenAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var statement = await db.Set<Statement>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (statement is null) return (null, null);
        var campaign = await db.Set<Campaign>().Include(c => c.Members).Where(CampaignAccess.VisibleTo(viewer))
            .FirstOrDefaultAsync(c => c.Id == statement.CampaignId, cancellationToken);
        return campaign is null ? (null, null) : (statement, campaign);
    }

    internal static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 80) break;
        }
        return slug.ToString().Trim('-') is { Length: > 0 } s ? s : "statement";
    }

    private static Refusal? Check(StatementText text)
    {
        if (new[] { text.TitleEn, text.TitleKm, text.BodyEn, text.BodyKm }.Any(string.IsNullOrWhiteSpace))
            return new Refusal(StatementProblem.BothLanguagesRequired, "Write the title and the text in both Khmer and English (titleEn, titleKm, bodyEn, bodyKm).");
        if (text.TitleEn!.Trim().Length > 300 || text.TitleKm!.Trim().Length > 300 || text.BodyEn!.Length > 20_000 || text.BodyKm!.Length > 20_000)
            return new Refusal(StatementProblem.TooLong, "Keep titles to 300 characters and texts to 20000.");
        return null;
    }

    private static Refusal NotFound(Guid id) =>
        new(StatementProblem.StatementNotFound, $"No statement or campaign you may see has the id '{id}'. Check the link.", id);

    private static readonly Refusal MayNotChange = new(StatementProblem.MayNotChange,
        "Only members, coordinators and administrators of the campaign's organisations can draft and edit its statements.");

    private static readonly Refusal MayNotApprove = new(StatementProblem.MayNotApprove,
        "Only a coordinator or administrator of the organisation that owns the campaign can approve and publish its statements.");
}
