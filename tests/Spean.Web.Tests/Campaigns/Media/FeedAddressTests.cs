using System.Net;
using System.Net.Http.Json;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Campaigns.CampaignWorld;

namespace Spean.Web.Tests.Campaigns.Media;

/// <summary>On an app as shipped (private addresses not allowed): feeds that would make the server fetch from inside are refused.</summary>
public sealed class FeedAddressTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/feed.xml", "PrivateAddress")]
    [InlineData("http://localhost/feed.xml", "PrivateAddress")]
    [InlineData("http://10.1.2.3/rss", "PrivateAddress")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "PrivateAddress")]
    [InlineData("http://[::1]/feed", "PrivateAddress")]
    [InlineData("file:///etc/passwd", "NotAWebAddress")]
    [InlineData("ftp://news.example/feed.xml", "NotAWebAddress")]
    [InlineData("https://user:secret@news.example/feed.xml", "NotAWebAddress")]
    public async Task A_feed_on_a_private_address_or_not_on_the_web_is_refused_with_the_reason(string url, string code)
    {
        var world = await CreateAsync(app);

        using var response = await world.CoordinatorClientA.PostAsJsonAsync("/api/v1/campaigns/media/feeds", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Only_coordinators_follow_feeds()
    {
        var world = await CreateAsync(app);

        using var response = await world.A.PostAsJsonAsync("/api/v1/campaigns/media/feeds", new { url = "https://news.example/feed.xml" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
