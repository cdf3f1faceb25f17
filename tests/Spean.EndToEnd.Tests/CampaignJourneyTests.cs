using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Campaigns;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Data;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Taxonomies;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// Issue 15's walk on a 360-pixel phone: a coordinator starts a campaign from the landmine template, plans a meeting with an
/// embassy of the register, logs the meeting with two people and a follow-up of their own, finds the follow-up in their
/// calendar feed, imports a treaty file in which a State joins the Mine Ban Treaty, and sees the notification and the
/// drafted welcome statement. Then every campaigns and stakeholders page is opened at 360 pixels and none scrolls sideways.
/// </summary>
[Collection(nameof(BrowserApp))]
public sealed class CampaignJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_coordinator_on_a_phone_plans_a_meeting_logs_it_follows_up_in_the_calendar_and_welcomes_a_new_State_party()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var organisation = await app.CreateOrganisationAsync("Landmine coalition");
        var (user, password) = await app.CreateUserWithIdAsync(Role.Coordinator, organisation);
        var viewer = new Viewer(user.Id, Role.Coordinator, organisation);
        var embassy = await AddToRegisterAsync(viewer, new StakeholderInput("Embassy", $"Embassy of Japan {marker}", $"ស្ថានទូតជប៉ុន {marker}",
            "International", CountryIso3: "JPN", Confidentiality: "Network"));
        await AddToRegisterAsync(viewer, new StakeholderInput("Person", $"Sok Dara {marker}", $"សុខ ដារា {marker}", "National", Confidentiality: "Network"));
        await AddToRegisterAsync(viewer, new StakeholderInput("Person", $"Chan Vanna {marker}", $"ចាន់ វណ្ណា {marker}", "National", Confidentiality: "Network"));
        var (stateIso3, stateName) = await StateNotPartyAsync();

        var page = await app.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(user.Email!, password, "/campaigns");
        await NoSidewaysScrollAsync(page, "the campaigns page");
        await page.GetByLabel("Template").SelectOptionAsync("landmines");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the campaign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Cambodia Campaign to Ban Landmines and Cluster Munitions");
        var campaignUrl = new Uri(page.Url).AbsolutePath;
        await NoSidewaysScrollAsync(page, "the campaign page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the campaign" }).ClickAsync();
        await NoSidewaysScrollAsync(page, "the campaign's edit page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).Nth(1).ClickAsync();
        var meeting = $"Meet the Embassy of Japan on the Mine Ban Treaty {marker}";
        await page.GetByLabel("What to do, in English").FillAsync(meeting);
        await page.GetByLabel("What to do, in Khmer").FillAsync($"ជួបស្ថានទូតជប៉ុន {marker}");
        await page.Locator("select[name='Item.Level']").SelectOptionAsync("International");
        await page.Locator("select[name='Item.Owner']").SelectOptionAsync($"user:{user.Id}");
        await page.Locator("select[name='Item.Targets']").SelectOptionAsync(embassy.ToString());
        await NoSidewaysScrollAsync(page, "the action form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return to the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.GotoAsync(campaignUrl);
        var action = page.Locator("li[data-action]", new() { HasText = meeting });
        await Assertions.Expect(action).ToContainTextAsync($"Targets: Embassy of Japan {marker}");

        await page.GotoAsync($"/stakeholders/engagements/new?pq={marker}");
        await page.GetByLabel($"Sok Dara {marker}").CheckAsync();
        await page.GetByLabel($"Chan Vanna {marker}").CheckAsync();
        await page.GetByLabel("Subject").FillAsync($"Embassy meeting on the Mine Ban Treaty {marker}");
        var followUp = $"Send the embassy our briefing {marker}";
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
        await page.Locator("input[name='Form.FollowUps[0].Action']").FillAsync(followUp);
        await page.Locator("select[name='Form.FollowUps[0].OwnerId']").SelectOptionAsync(user.Id.ToString());
        await page.Locator("input[name='Form.FollowUps[0].Due']").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await NoSidewaysScrollAsync(page, "the engagement form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the engagement" }).ClickAsync();
        await Assertions.Expect(page.GetByText(followUp)).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page, "the engagement page");

        await page.GotoAsync("/calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar address" }).ClickAsync();
        var address = await page.GetByLabel("Calendar address").InputValueAsync();
        await NoSidewaysScrollAsync(page, "the calendar page");
        var feed = await page.APIRequest.GetAsync(address);
        Assert.True(feed.Ok, $"the feed answered {feed.Status}");
        // iCalendar folds lines longer than 75 octets; unfolded, each event's summary is on one line.
        var ics = (await feed.TextAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains(followUp, ics);
        Assert.Contains($"DTSTART;VALUE=DATE:{due:yyyyMMdd}", ics);

        await page.GotoAsync("/campaigns/treaties/MineBan");
        await page.GetByText("Import membership from a CSV").ClickAsync();
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload
        {
            Name = "mine-ban.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"iso3,status,signed,joined,in_force\n{stateIso3},party,,2026-11-20,2027-05-01\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-result")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".import-result")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[1-9][0-9]* welcome statements drafted"));
        await NoSidewaysScrollAsync(page, "the treaty page after an import");

        // The bell on the import's own answer was drawn before the import ran; the next page has it.
        await page.GotoAsync(campaignUrl);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications: [0-9]+ unread") }).ClickAsync();
        await Assertions.Expect(page.GetByText($"{stateName} joined the", new() { Exact = false }).First).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page, "the notifications page");

        await page.GotoAsync(campaignUrl);
        var welcome = page.Locator("li[data-statement]", new() { HasText = $"We welcome {stateName}" });
        await Assertions.Expect(welcome).ToContainTextAsync("Draft");
        await NoSidewaysScrollAsync(page, "the campaign page with its welcome statement");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "campaign-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Every_campaigns_and_stakeholders_page_fits_a_360_pixel_phone()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var organisation = await app.CreateOrganisationAsync("Phone check");
        var (user, password) = await app.CreateUserWithIdAsync(Role.Coordinator, organisation);
        var viewer = new Viewer(user.Id, Role.Coordinator, organisation);
        var person = await AddToRegisterAsync(viewer, new StakeholderInput("Person", $"Phal Sophea {marker} with a rather long family name",
            $"ផល សុភា {marker}", "Provincial", AdminUnitCode: "13", Confidentiality: "Network"));
        var (campaignId, objectiveId, statementId, slug, engagementId) = await WithScopeAsync(async services =>
        {
            var plans = services.GetRequiredService<CampaignPlans>();
            var campaign = (await plans.StartAsync(new NewCampaign(null, null, CampaignConfidentiality.Organisation, "extractive-industry"), viewer)).Value!;
            var objective = campaign.Goals.OrderBy(g => g.Order).First().Objectives.First().Id;
            var added = await plans.AddActionAsync(campaign.Id, new NewAction(objective, "Meet the provincial governor about the concession " + marker, null,
                ActionLevel.Provincial, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), user.Id, null, 150, "USD", [person]), viewer);
            Assert.False(added.Refused, added.Refusal?.Message);
            var statements = services.GetRequiredService<CampaignStatements>();
            var draft = (await statements.DraftAsync(campaign.Id, new StatementText("A statement " + marker, "សេចក្ដីថ្លែងការណ៍ " + marker,
                "A body long enough to wrap on a phone.", "អត្ថបទ"), viewer)).Value!;
            var published = (await statements.DraftAsync(campaign.Id, new StatementText("Published " + marker, "បានផ្សាយ " + marker,
                "Published text.", "អត្ថបទ"), viewer)).Value!;
            await statements.ApproveAsync(published.Id, viewer);
            var slug = (await statements.PublishAsync(published.Id, viewer)).Value!.Slug!;
            var engagement = await services.GetRequiredService<EngagementLog>().RecordAsync(new EngagementInput("Meeting",
                DateOnly.FromDateTime(DateTime.UtcNow), "Meeting " + marker, ParticipantIds: [person], Confidentiality: "Network",
                FollowUps: [new FollowUpInput("Write to the governor " + marker, user.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3))]), viewer);
            Assert.False(engagement.Refused, engagement.Refusal?.Message);
            return (campaign.Id, objective, draft.Id, slug, engagement.Value!.Id);
        });

        var page = await app.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(user.Email!, password, "/campaigns");
        string[] pages =
        [
            "/campaigns", $"/campaigns/{campaignId}", $"/campaigns/{campaignId}/calendar", $"/campaigns/{campaignId}/edit",
            $"/campaigns/{campaignId}/edit?edit=new-action:{objectiveId}", $"/campaigns/{campaignId}/edit?edit=new-indicator:{objectiveId}",
            $"/campaigns/statements/{statementId}/edit", "/campaigns/treaties/MineBan", "/campaigns/treaties/ClusterMunitions", $"/statements/{slug}",
            "/stakeholders", $"/stakeholders?q={marker}", "/stakeholders/new", $"/stakeholders/{person}", $"/stakeholders/{person}/edit",
            "/stakeholders/engagements/new", $"/stakeholders/engagements/{engagementId}", "/stakeholders/follow-ups", "/stakeholders/import",
        ];
        var wide = new List<string>();
        foreach (var culture in new[] { "en", "km" })
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
                Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
                var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                if (width > 360) wide.Add($"{path} ({culture}): {width} px");
            }
        Assert.True(wide.Count == 0, "scrolls sideways at 360 px: " + string.Join("; ", wide));
    }

    private static async Task NoSidewaysScrollAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{what} is {width} px wide on a 360-pixel phone");
    }

    private Task<Guid> AddToRegisterAsync(Viewer viewer, StakeholderInput input) => WithScopeAsync(async services =>
    {
        var added = await services.GetRequiredService<StakeholderRegister>().AddAsync(input, viewer);
        Assert.False(added.Refused, added.Refusal?.Message);
        return added.Value!.Id;
    });

    private Task<(string Iso3, string Name)> StateNotPartyAsync() => WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var parties = db.Set<TreatyMembership>().Where(m => m.Treaty == Treaty.MineBan).Select(m => m.CountryIso3);
        var state = await db.Set<Country>().Where(c => c.UnMember && !parties.Contains(c.Iso3)).OrderBy(c => c.Iso3)
            .Select(c => new { c.Iso3, c.Name }).FirstAsync();
        return (state.Iso3, state.Name);
    });

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
