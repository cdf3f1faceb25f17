using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Spean.Web.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Web.Infrastructure;

namespace Spean.Web.Monitoring;

/// <summary>
/// An Atom feed of the reports the caller may see, most recently changed first, so a network can follow what is
/// published from a feed reader. It goes through the list's door and carries what the list does plus the narrative:
/// never a person, a contact, a GPS point or evidence.
/// </summary>
internal static class ReportFeed
{
    public const int Entries = 50;

    public static async Task<IResult> WriteAsync(
        HttpContext context, ReportSearch search, SpeanDbContext db, IStringLocalizer<Strings> L, [AsParameters] ReportFilterParameters parameters)
    {
        var (filter, error) = parameters.Parse();
        if (filter is null) return TypedResults.Problem(error!.Message, statusCode: StatusCodes.Status400BadRequest);
        var cancellationToken = context.RequestAborted;

        var latest = await search.Matching(filter, context.User.Viewer())
            .Select(r => new { Report = r, Changed = r.History.Max(h => (DateTime?)h.At) ?? r.ReportedAt })
            .OrderByDescending(r => r.Changed).ThenByDescending(r => r.Report.Id)
            .Take(Entries).ToListAsync(cancellationToken);
        var places = await ReportPlaces.NamesAsync(db, latest.Select(r => r.Report.PlaceCode()), cancellationToken);
        string Place(Report r) => places.GetValueOrDefault(r.PlaceCode()) is { } place ? Localization.IsKhmer ? place.NameKm : place.NameLatin : r.PlaceCode();

        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        var feed = new SyndicationFeed(L["Feed.Title"], L["Feed.Subtitle"], new Uri(site + "/reports" + context.Request.QueryString))
        {
            Id = site + "/api/v1/reports/feed.atom",
            Language = Localization.IsKhmer ? "km" : "en",
            LastUpdatedTime = latest.Count > 0 ? Utc(latest[0].Changed) : DateTimeOffset.UnixEpoch,
            Items = latest.Select(r => Entry(r.Report, Utc(r.Changed), Place(r.Report), site, L)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Spean" });
        feed.Links.Add(new SyndicationLink(new Uri(site + context.Request.Path + context.Request.QueryString), "self", null, "application/atom+xml", 0));

        // The formatter writes synchronously, which Kestrel refuses on the response body; fifty entries fit in memory.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return TypedResults.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static SyndicationItem Entry(Report report, DateTimeOffset changed, string place, string site, IStringLocalizer<Strings> L)
    {
        var summary = string.Join(" · ", ReportLabels.Category(report.Category), place, ReportLabels.Dates(report.OccurredFrom, report.OccurredTo),
            L[$"Report.Status.{report.Status}"]);
        var item = new SyndicationItem(report.Title, new TextSyndicationContent(report.Narrative), new Uri($"{site}/reports/{report.Id}"), $"urn:uuid:{report.Id}", changed)
        {
            Summary = new TextSyndicationContent(summary),
            PublishDate = Utc(report.ReportedAt),
        };
        item.Categories.Add(new SyndicationCategory(report.Category, null, ReportLabels.Category(report.Category)));
        return item;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
