using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Monitoring;

/// <summary>What the offline report form needs from the server: its page, its files, and the place list.</summary>
[Collection(nameof(SqliteApp))]
public sealed partial class CaptureAppTests(SqliteApp app)
{
    [Fact]
    public async Task Members_get_the_form_with_its_manifest_and_every_script_string_in_Khmer()
    {
        var member = await app.ClientForAsync(await app.CreateUserAsync(Role.Member, organisationId: await ReportsWorld.OrganisationAsync(app, "Monitors")));
        var viewer = await app.ClientForAsync(Role.Viewer);

        var html = await member.GetStringAsync("/capture?culture=km");
        using var refused = await viewer.GetAsync("/capture");
        using var anonymous = await app.AnonymousClient().GetAsync("/capture");

        Assert.Contains("<link rel=\"manifest\" href=\"/capture.webmanifest\"", html);
        Assert.Contains("<option value=\"mining\">ការជីកយករ៉ែ និងឧស្សាហកម្មទាញយកធនធាន</option>", html);
        var config = JsonDocument.Parse(ConfigBlock().Match(html).Groups[1].Value).RootElement;
        Assert.True(config.GetProperty("khmer").GetBoolean());
        Assert.Equal("បានផ្ញើ", config.GetProperty("strings").GetProperty("State.Sent").GetString());
        Assert.All(config.GetProperty("strings").EnumerateObject(), s => Assert.Matches("[\u1780-\u17FF]", s.Value.GetString()!));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_service_worker_keeps_files_that_exist_under_a_version_that_changes_with_them()
    {
        var client = app.AnonymousClient();
        var worker = await client.GetStringAsync("/capture-sw.js");
        var shell = ShellList().Match(worker).Groups[1].Value;
        var files = Regex.Matches(shell, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();

        using var content = new MemoryStream();
        foreach (var file in files)
        {
            using var response = await client.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file} answered {(int)response.StatusCode}; the worker could not install");
            await response.Content.CopyToAsync(content);
        }
        var expected = "capture-" + Convert.ToHexStringLower(SHA256.HashData(content.ToArray()))[..12];

        Assert.Contains("/js/capture/sender.js", files);
        Assert.True(worker.Contains($"const VERSION = '{expected}';", StringComparison.Ordinal),
            $"A file the worker keeps has changed: set VERSION in capture-sw.js to '{expected}' so phones fetch it again.");
    }

    [Fact]
    public async Task The_manifest_makes_the_form_an_installable_app_named_in_English_and_Khmer()
    {
        var client = app.AnonymousClient();
        using var response = await client.GetAsync("/capture.webmanifest");
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("/capture", "standalone"), (manifest.GetProperty("start_url").GetString(), manifest.GetProperty("display").GetString()));
        Assert.Matches("Spean.*[\u1780-\u17FF]", manifest.GetProperty("name").GetString());
        var sizes = new List<string>();
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            using var image = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(icon.GetProperty("type").GetString(), image.Content.Headers.ContentType?.MediaType);
            sizes.Add(icon.GetProperty("sizes").GetString()!);
        }
        Assert.Equal(["any", "192x192", "512x512"], sizes);
    }

    [Fact]
    public async Task The_place_list_holds_every_unit_with_both_names_gzipped_and_answers_304_when_unchanged()
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gazetteer/places");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var places = (await JsonDocument.ParseAsync(gzip)).RootElement;

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var types = places.GetProperty("types").EnumerateArray().Select(t => t[1].GetString()).ToList();
        var units = places.GetProperty("units").EnumerateArray().ToDictionary(u => u[0].GetString()!);
        Assert.Equal(25 + 210 + 1652 + 14570, units.Count);
        var sAng = units["130101"];
        Assert.Equal(("ស្អាង", "S'ang", "Commune"), (sAng[1].GetString(), sAng[2].GetString(), types[sAng[3].GetInt32()]));
        Assert.Equal("ព្រះវិហារ", units["13"][1].GetString());
        Assert.True(compressed.Length < 250_000, $"{compressed.Length} bytes to download once per phone");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gazetteer/places");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [GeneratedRegex("""<script type="application/json" id="capture-config">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ConfigBlock();

    [GeneratedRegex(@"const SHELL = \[(.*?)\];", RegexOptions.Singleline)]
    private static partial Regex ShellList();
}
