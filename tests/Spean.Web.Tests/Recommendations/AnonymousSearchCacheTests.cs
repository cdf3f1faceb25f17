using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>
/// Search pages kept whole for anonymous readers: an edit shows at once, a signed-in reader's page is never shared, and
/// each language has its own. The app keeps pages a minute here, so what is seen fresh is not the entry running out.
/// </summary>
public sealed class AnonymousSearchCacheTests : IClassFixture<AnonymousSearchCacheTests.MinuteApp>
{
    private readonly MinuteApp app;

    public AnonymousSearchCacheTests(MinuteApp app) => this.app = app;

    [Fact]
    public async Task A_coordinators_edit_shows_at_once_on_a_search_page_and_api_result_already_kept()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        var word = $"xq{Guid.NewGuid():N}"[..14];
        using var created = await coordinator.PostAsJsonAsync("/api/v1/recommendations", Input($"{word} firstwording"));
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var anonymous = app.AnonymousClient();
        var page = $"/recommendations?q={word}";
        var api = $"/api/v1/recommendations?q={word}";

        var pageBefore = await anonymous.GetStringAsync(page);
        var apiBefore = await anonymous.GetStringAsync(api);
        using var edited = await coordinator.PutAsJsonAsync($"/api/v1/recommendations/{id}", Input($"{word} secondwording"));
        var pageAfter = await anonymous.GetStringAsync(page);
        var apiAfter = await anonymous.GetStringAsync(api);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("firstwording", pageBefore);
        Assert.Contains("firstwording", apiBefore);
        Assert.Contains("secondwording", pageAfter);
        Assert.DoesNotContain("firstwording", pageAfter);
        Assert.Contains("secondwording", apiAfter);
        Assert.DoesNotContain("firstwording", apiAfter);
    }

    [Fact]
    public async Task A_signed_in_members_page_is_never_served_to_an_anonymous_reader_nor_theirs_to_the_member()
    {
        var word = $"xq{Guid.NewGuid():N}"[..14];
        using var created = await (await app.ClientForAsync(Role.Coordinator)).PostAsJsonAsync("/api/v1/recommendations", Input(word));
        var member = await app.CreateUserAsync(Role.Member, password: "the member's password");
        var signedIn = app.AnonymousClient();
        using var signIn = await signedIn.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = member.Email!, ["Input.Password"] = "the member's password" });
        var page = $"/recommendations?q={word}";
        const string AssessCheckbox = "form=\"assess-selected\"";

        var anonymousFirst = await app.AnonymousClient().GetStringAsync(page);
        var memberAfterAnonymous = await signedIn.GetStringAsync(page);
        var anonymousAfterMember = await app.AnonymousClient().GetStringAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(word, anonymousFirst);
        Assert.DoesNotContain(AssessCheckbox, anonymousFirst);
        Assert.Contains(AssessCheckbox, memberAfterAnonymous);
        Assert.DoesNotContain(AssessCheckbox, anonymousAfterMember);
    }

    [Fact]
    public async Task The_same_search_is_kept_apart_in_english_and_khmer()
    {
        var word = $"xq{Guid.NewGuid():N}"[..14];
        using var created = await (await app.ClientForAsync(Role.Coordinator)).PostAsJsonAsync("/api/v1/recommendations", Input(word));
        var khmer = app.AnonymousClient();
        await khmer.GetAsync("/culture/km");
        var page = $"/recommendations?q={word}";

        var english = await app.AnonymousClient().GetStringAsync(page);
        var inKhmer = await khmer.GetStringAsync(page);
        var englishAgain = await app.AnonymousClient().GetStringAsync(page);

        Assert.Contains("<h1>Recommendations</h1>", english);
        Assert.Contains("<h1>អនុសាសន៍</h1>", inKhmer);
        Assert.Contains("<h1>Recommendations</h1>", englishAgain);
    }

    private static object Input(string words) => new
    {
        text = $"Guarantee the independence of the judiciary {words}",
        stateUnderReview = "KHM",
        recommendingStates = new[] { "Japan" },
        session = 32,
        response = "Supported",
    };

    public sealed class MinuteApp : SpeanApp
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Spean:Search:FreshnessSeconds", "60");
        }
    }
}
