using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Spean.Core.Campaigns.Media;

/// <summary>One item as read from a feed, its text plain (HTML removed).</summary>
public sealed record FeedEntry(string Key, string Title, string Summary, string? Link, DateTime? PublishedAt);

/// <summary>The items that could be read, how many could not, or why the whole document is no feed.</summary>
public sealed record FeedDocument(IReadOnlyList<FeedEntry> Entries, int Skipped, string? NotAFeed);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 item by item with System.ServiceModel.Syndication's item formatters, so one item with a bad
/// date or missing parts is skipped and counted while the others are kept (ADR 0028). DTDs are refused (entity expansion).
/// </summary>
public static partial class FeedReading
{
    public const int MaxKeyLength = 500;
    public const int MaxTitleLength = 1_000;
    public const int MaxSummaryLength = 4_000;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static FeedDocument Read(Stream xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new([], 0, e.Message);
        }
        var root = document.Root!;
        IEnumerable<XElement> elements;
        Func<SyndicationItemFormatter> formatter;
        if (root.Name == "rss" && root.Element("channel") is { } channel)
            (elements, formatter) = (channel.Elements("item"), () => new Rss20ItemFormatter());
        else if (root.Name == Atom + "feed")
            (elements, formatter) = (root.Elements(Atom + "entry"), () => new Atom10ItemFormatter());
        else
            return new([], 0, $"The document's root element is <{root.Name.LocalName}>, not an RSS 2.0 <rss> or an Atom <feed>.");
        var entries = new List<FeedEntry>();
        var skipped = 0;
        foreach (var element in elements)
        {
            try
            {
                using var reader = element.CreateReader();
                var read = formatter();
                read.ReadFrom(reader);
                if (Entry(read.Item) is { } entry) entries.Add(entry);
                else skipped++;
            }
            catch (Exception e) when (e is XmlException or FormatException or ArgumentException or InvalidOperationException)
            {
                skipped++;
            }
        }
        return new(entries, skipped, null);
    }

    private static FeedEntry? Entry(SyndicationItem item)
    {
        var link = item.Links.Where(l => l.RelationshipType is null or "alternate").Select(l => l.Uri).Concat(item.Links.Select(l => l.Uri))
            .FirstOrDefault(u => u is { IsAbsoluteUri: true } && u.Scheme is "http" or "https")?.AbsoluteUri;
        if (link?.Length > MediaFeeds.MaxUrlLength) link = null;
        var key = Cut(item.Id, MaxKeyLength) is { Length: > 0 } id ? id : Cut(link, MaxKeyLength);
        var title = Cut(PlainText(item.Title?.Text), MaxTitleLength);
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(title)) return null;
        var summary = PlainText(item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text);
        var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        return new(key, title, Cut(summary, MaxSummaryLength) ?? "", link, published == default ? null : published.UtcDateTime);
    }

    /// <summary>Text without tags, scripts or entities, its whitespace collapsed: what matching and the inbox see.</summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = Tags().Replace(Scripts().Replace(html, " "), " ");
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    private static string? Cut(string? text, int length) => text is null ? null : text.Length <= length ? text.Trim() : text[..length].Trim();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
