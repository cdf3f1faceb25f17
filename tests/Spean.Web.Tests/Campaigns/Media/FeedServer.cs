using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Spean.Web.Tests.Campaigns.Media;

/// <summary>A real HTTP server on 127.0.0.1 serving an RSS feed (English and Khmer items, one with a broken date), an Atom feed and a broken document.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication server;

    private FeedServer(WebApplication server, string address) => (this.server, Address) = (server, address);

    public string Address { get; }

    public string Rss => Address + "/news/rss.xml";
    public string Atom => Address + "/news/atom.xml";
    public string Broken => Address + "/news/broken.xml";

    public const string EnglishTitle = "Landmine blast injures two farmers near Anlong Veng";
    public const string KhmerTitle = "ក្រុមការងាររកឃើញគ្រាប់បែកចង្កោមនៅខេត្តព្រះវិហារ";
    public const string MarchTitle = "កិច្ចប្រជុំប្រចាំឆ្នាំនឹងប្រព្រឹត្តទៅនៅខែមីនា";
    public const string RiceTitle = "Rice prices rise for a third month";
    public const string BadDateTitle = "Demining teams clear a school yard";
    public const string AtomTitle = "States meet on the cluster munition ban in Geneva";

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/news/rss.xml", () => Results.Text(RssXml, "application/rss+xml", Encoding.UTF8));
        app.MapGet("/news/atom.xml", () => Results.Text(AtomXml, "application/atom+xml", Encoding.UTF8));
        app.MapGet("/news/broken.xml", () => Results.Text("<rss><channel><item><title>Cut off", "application/rss+xml", Encoding.UTF8));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FeedServer(app, address.TrimEnd('/'));
    }

    private static readonly string RssXml = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Provincial news</title><link>https://news.example/</link><description>News</description>
          <item><title>{EnglishTitle}</title><link>https://news.example/landmine-blast</link><guid>news-1</guid>
            <description>&lt;p&gt;Two farmers were hurt by a &lt;b&gt;landmine&lt;/b&gt; while clearing land.&lt;/p&gt;</description>
            <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
          <item><title>{KhmerTitle}</title><link>https://news.example/km-cluster</link><guid>news-2</guid>
            <description>ព័ត៌មានពីខេត្ត</description><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
          <item><title>{MarchTitle}</title><link>https://news.example/march</link><guid>news-3</guid><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>
          <item><title>{RiceTitle}</title><link>https://news.example/rice</link><guid>news-4</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>
          <item><title>{BadDateTitle}</title><link>https://news.example/demining</link><guid>news-5</guid><pubDate>the first of December</pubDate></item>
        </channel></rss>
        """;

    private static readonly string AtomXml = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Disarmament wire</title><id>urn:wire</id><updated>2026-12-02T08:00:00Z</updated>
          <entry><title>{AtomTitle}</title><id>urn:wire:1</id><updated>2026-12-02T08:00:00Z</updated>
            <link href="https://wire.example/ccm"/><summary>Delegates discussed universalisation.</summary></entry>
        </feed>
        """;

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
    }
}
