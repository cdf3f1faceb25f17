using System.IO.Compression;
using Spean.Core.Accounts;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>Pages travel compressed to phones, except where compression could betray a signed-in person's page (BREACH).</summary>
[Collection(nameof(SqliteApp))]
public sealed class CompressionTests(SqliteApp app)
{
    [Fact]
    public async Task A_page_asked_for_by_the_site_itself_arrives_compressed_and_reads_the_same_as_uncompressed()
    {
        var client = await app.ClientForAsync(Role.Member);

        var plain = await client.GetStringAsync("/countries");
        using var compressed = await GetAsync(client, "/countries", cookie: true, fetchSite: "same-origin");
        var bytes = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.True(bytes.Length * 4 < System.Text.Encoding.UTF8.GetByteCount(plain), $"{bytes.Length} bytes compressed, {plain.Length} characters plain");
        using var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var read = await new StreamReader(brotli).ReadToEndAsync();
        Assert.Contains("<h1>", read);
        Assert.Equal(plain.Length, read.Length, tolerance: plain.Length / 20);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    [InlineData(null)]
    public async Task A_page_another_site_sends_a_signed_in_browser_to_arrives_uncompressed(string? fetchSite)
    {
        var client = await app.ClientForAsync(Role.Member);

        using var response = await GetAsync(client, "/recommendations?q=land", cookie: true, fetchSite);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_without_cookies_and_the_style_sheet_get_gzip_when_brotli_is_not_offered()
    {
        var visitor = app.AnonymousClient();

        using var page = await GetAsync(visitor, "/countries", cookie: false, fetchSite: "cross-site", encoding: "gzip");
        using var css = await GetAsync(visitor, "/css/site.css", cookie: false, fetchSite: "same-origin", encoding: "gzip");

        Assert.Equal(["gzip"], page.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], css.Content.Headers.ContentEncoding);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, bool cookie, string? fetchSite, string encoding = "gzip, deflate, br")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        if (cookie) request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return client.SendAsync(request);
    }
}
