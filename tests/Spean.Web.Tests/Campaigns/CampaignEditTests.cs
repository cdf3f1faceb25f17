using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Stakeholders;
using static Spean.Web.Tests.Campaigns.CampaignWorld;

namespace Spean.Web.Tests.Campaigns;

public abstract class CampaignEditTests(SpeanApp app)
{
    [Fact]
    public async Task A_blank_campaign_is_planned_edited_reordered_and_pruned_through_the_api_and_its_targets_are_named_on_the_page()
    {
        var world = await CreateAsync(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var embassy = await StakeholdersWorld.AddAsync(world.A, new
        {
            kind = "Embassy", nameLatin = $"Embassy of Viet Nam {marker}", nameKhmer = $"ស្ថានទូតវៀតណាម {marker}", level = "International",
            countryIso3 = "VNM", confidentiality = "Network",
        });
        var campaign = await StartAsync(world.A, new { nameEn = "Blank " + marker, nameKm = "ទទេ " + marker });
        var id = Id(campaign);
        Assert.Equal(0, campaign.GetProperty("goals").GetArrayLength());

        using var settings = await world.A.PutAsJsonAsync($"/api/v1/campaigns/{id}", new
        {
            nameEn = "Renamed " + marker, nameKm = "ប្ដូរឈ្មោះ " + marker, confidentiality = "Organisation", keywordsEn = "landmine, mine ban ,landmine",
            keywordsKm = "មីន", followsMineBan = true,
        });
        var first = await CreatedAsync(world.A, $"/api/v1/campaigns/{id}/goals", new { titleEn = "First goal", titleKm = "គោលដៅទីមួយ" });
        var second = await CreatedAsync(world.A, $"/api/v1/campaigns/{id}/goals", new { titleEn = "Second goal", titleKm = "គោលដៅទីពីរ" });
        using var moved = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{id}/goals/{second.GetProperty("id")}/move", new { direction = "Up" });
        var objective = await CreatedAsync(world.A, $"/api/v1/campaigns/{id}/goals/{first.GetProperty("id")}/objectives",
            new { titleEn = "An objective", titleKm = "វត្ថុបំណងមួយ" });
        var objectiveId = objective.GetProperty("id").GetGuid();
        var indicator = await CreatedAsync(world.A, $"/api/v1/campaigns/{id}/objectives/{objectiveId}/indicators",
            new { nameEn = "Meetings held", nameKm = "កិច្ចប្រជុំ", baseline = 0, target = 4 });
        using var indicatorEdited = await world.A.PutAsJsonAsync($"/api/v1/campaigns/{id}/indicators/{indicator.GetProperty("id")}",
            new { nameEn = "Meetings held", nameKm = "កិច្ចប្រជុំ", baseline = 1, target = 6 });
        var action = await CreatedAsync(world.A, $"/api/v1/campaigns/{id}/actions", new { objectiveId, titleEn = "Meet", titleKm = "ជួប" });
        using var actionEdited = await world.A.PutAsJsonAsync($"/api/v1/campaigns/{id}/actions/{action.GetProperty("id")}", new
        {
            titleEn = "Meet the embassy", titleKm = "ជួបស្ថានទូត", level = "International", due = "2027-01-15", ownerOrganisationId = world.OrganisationA,
            costAmount = 12, costCurrency = "usd", targetStakeholderIds = new[] { embassy },
        });
        var page = await world.A.GetStringAsync($"/campaigns/{id}");
        var khmerPage = await world.A.GetStringAsync($"/campaigns/{id}?culture=km");
        using var removed = await world.A.DeleteAsync($"/api/v1/campaigns/{id}/goals/{second.GetProperty("id")}");
        var after = await world.A.GetJsonAsync($"/api/v1/campaigns/{id}");

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, indicatorEdited.StatusCode);
        Assert.True(actionEdited.StatusCode == HttpStatusCode.OK, await actionEdited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("Renamed " + marker, after.GetProperty("campaign").GetProperty("nameEn").GetString());
        Assert.Equal("Organisation", after.GetProperty("campaign").GetProperty("confidentiality").GetString());
        Assert.Equal("landmine, mine ban", after.GetProperty("keywordsEn").GetString());
        Assert.True(after.GetProperty("campaign").GetProperty("followsMineBan").GetBoolean());
        Assert.False(after.GetProperty("campaign").GetProperty("followsClusterMunitions").GetBoolean());
        Assert.Equal(["First goal"], after.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("titleEn").GetString()));
        var savedIndicator = Objectives(after).Single().GetProperty("indicators").EnumerateArray().Single();
        Assert.Equal((1m, 6m), (savedIndicator.GetProperty("baseline").GetDecimal(), savedIndicator.GetProperty("target").GetDecimal()));
        var savedAction = Actions(after).Single();
        Assert.Equal("Meet the embassy", savedAction.GetProperty("titleEn").GetString());
        Assert.Equal("International", savedAction.GetProperty("level").GetString());
        Assert.Equal("USD", savedAction.GetProperty("costCurrency").GetString());
        Assert.Equal(world.OrganisationA, savedAction.GetProperty("ownerOrganisationId").GetGuid());
        Assert.Equal([embassy], savedAction.GetProperty("targetStakeholderIds").EnumerateArray().Select(t => t.GetGuid()));
        // Before the removal the second goal was moved above the first.
        Assert.True(page.IndexOf("Second goal", StringComparison.Ordinal) < page.IndexOf("First goal", StringComparison.Ordinal));
        Assert.Contains($"Embassy of Viet Nam {marker}", page);
        Assert.Contains($"ស្ថានទូតវៀតណាម {marker}", khmerPage);
    }

    [Fact]
    public async Task Another_organisation_cannot_edit_and_a_partner_may_change_the_plan_but_not_who_reads_it()
    {
        var world = await CreateAsync(app);
        var quiet = await StartAsync(world.A, new { template = "bridging", confidentiality = "Organisation" });
        var open = await StartAsync(world.A, new { template = "bridging" });
        var goal = open.GetProperty("goals")[0].GetProperty("id").GetGuid();
        var quietGoal = quiet.GetProperty("goals")[0].GetProperty("id").GetGuid();

        using var hidden = await world.B.PutAsJsonAsync($"/api/v1/campaigns/{Id(quiet)}/goals/{quietGoal}", new { titleEn = "x", titleKm = "x" });
        using var hiddenPage = await world.B.GetAsync($"/campaigns/{Id(quiet)}/edit");
        using var notMine = await world.B.PutAsJsonAsync($"/api/v1/campaigns/{Id(open)}/goals/{goal}", new { titleEn = "x", titleKm = "x" });
        using var notMineRemoved = await world.B.DeleteAsync($"/api/v1/campaigns/{Id(open)}/goals/{goal}");
        var notMinePage = await world.B.GetStringAsync($"/campaigns/{Id(open)}/edit");
        using var partnered = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(quiet)}/members", new { organisationId = world.OrganisationB });
        using var partnerEdits = await world.B.PutAsJsonAsync($"/api/v1/campaigns/{Id(quiet)}/goals/{quietGoal}",
            new { titleEn = "Partner's goal", titleKm = "គោលដៅរបស់ដៃគូ" });
        using var partnerOpens = await world.B.PutAsJsonAsync($"/api/v1/campaigns/{Id(quiet)}",
            new { nameEn = "Quiet", nameKm = "ស្ងាត់", confidentiality = "Network" });
        using var partnerInvites = await world.B.PostAsJsonAsync($"/api/v1/campaigns/{Id(quiet)}/members", new { userId = world.MemberB.Id });
        var owner = await world.A.GetJsonAsync($"/api/v1/campaigns/{Id(quiet)}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
        Assert.Contains("MayNotChange", await notMine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, notMineRemoved.StatusCode);
        Assert.DoesNotContain("name=\"Settings.NameEn\"", notMinePage);
        Assert.Equal(HttpStatusCode.Created, partnered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, partnerEdits.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, partnerOpens.StatusCode);
        var refusal = await partnerOpens.ReadJsonAsync();
        Assert.Equal("MayNotGovern", refusal.GetProperty("codes").GetProperty("confidentiality").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, partnerInvites.StatusCode);
        Assert.Equal("Organisation", owner.GetProperty("campaign").GetProperty("confidentiality").GetString());
        Assert.Equal("Partner's goal", owner.GetProperty("goals")[0].GetProperty("titleEn").GetString());
        Assert.DoesNotContain(world.MemberB.Id, owner.GetProperty("memberUserIds").EnumerateArray().Select(u => u.GetGuid()));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_problem_that_names_the_field_and_a_target_the_editor_cannot_see_is_refused_unnamed()
    {
        var world = await CreateAsync(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var source = await StakeholdersWorld.AddAsync(world.B, StakeholdersWorld.Person("SRC" + marker, "Restricted"));
        var campaign = await StartAsync(world.A, new { template = "bridging" });
        var id = Id(campaign);
        var objective = Objectives(campaign).First().GetProperty("id").GetGuid();
        var action = Actions(campaign).First().GetProperty("id").GetGuid();

        using var noName = await world.A.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { nameEn = " ", nameKm = "ឈ្មោះ" });
        using var badConfidentiality = await world.A.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { nameEn = "n", nameKm = "n", confidentiality = "Secret" });
        using var noBaseline = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{id}/objectives/{objective}/indicators", new { nameEn = "i", nameKm = "i", target = 3 });
        using var unseenTarget = await world.A.PutAsJsonAsync($"/api/v1/campaigns/{id}/actions/{action}",
            new { titleEn = "Meet", titleKm = "ជួប", targetStakeholderIds = new[] { source } });
        using var noGoalTitle = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{id}/goals", new { titleEn = "Goal", titleKm = "" });
        using var badMove = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{id}/actions/{action}/move", new { direction = "Sideways" });

        await AssertFieldAsync(noName, "nameEn", "NamesRequired");
        await AssertFieldAsync(badConfidentiality, "confidentiality", "InvalidValue");
        await AssertFieldAsync(noBaseline, "baseline", "NumberRequired");
        var unseen = await AssertFieldAsync(unseenTarget, "targetStakeholderIds", "TargetUnknown");
        Assert.DoesNotContain("SRC" + marker, unseen);
        await AssertFieldAsync(noGoalTitle, "titleKm", "TitleRequired");
        Assert.Equal(HttpStatusCode.BadRequest, badMove.StatusCode);
        Assert.Contains("Up or Down", await badMove.Content.ReadAsStringAsync());
        Assert.Empty(Actions(await world.A.GetJsonAsync($"/api/v1/campaigns/{id}")).First().GetProperty("targetStakeholderIds").EnumerateArray());
    }

    [Fact]
    public async Task The_edit_page_saves_settings_adds_a_goal_and_says_a_refusal_in_Khmer()
    {
        var world = await CreateAsync(app);
        var campaign = await StartAsync(world.A, new { nameEn = "Page campaign", nameKm = "យុទ្ធនាការទំព័រ" });
        var id = Id(campaign);
        var page = $"/campaigns/{id}/edit";

        using var saved = await world.A.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Settings.NameEn"] = "Page campaign renamed", ["Settings.NameKm"] = "យុទ្ធនាការទំព័រថ្មី", ["Settings.Confidentiality"] = "Network",
            ["Settings.KeywordsEn"] = "cluster munitions", ["Settings.KeywordsKm"] = "គ្រាប់បែកចង្កោម",
        }, formName: "settings");
        using var goal = await world.A.SubmitAsync($"{page}?edit=new-goal", new Dictionary<string, string>
        {
            ["Item.Edit"] = "new-goal", ["Item.TitleEn"] = "A goal from the page", ["Item.TitleKm"] = "គោលដៅពីទំព័រ",
        }, formName: "item");
        using var refused = await world.A.SubmitAsync($"{page}?culture=km", new Dictionary<string, string>
        {
            ["Settings.NameEn"] = "", ["Settings.NameKm"] = "ឈ្មោះ", ["Settings.Confidentiality"] = "Network",
        }, formName: "settings");
        var after = await world.A.GetJsonAsync($"/api/v1/campaigns/{id}");
        var campaignPage = await world.A.GetStringAsync($"/campaigns/{id}");

        Assert.True(saved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, saved.StatusCode.ToString());
        Assert.Equal("Page campaign renamed", after.GetProperty("campaign").GetProperty("nameEn").GetString());
        Assert.Equal("គ្រាប់បែកចង្កោម", after.GetProperty("keywordsKm").GetString());
        Assert.Equal(["A goal from the page"], after.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("titleEn").GetString()));
        Assert.Contains("យុទ្ធនាការមួយរក្សាឈ្មោះរបស់វាជាភាសាអង់គ្លេស និងជាភាសាខ្មែរ។", await refused.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"/campaigns/{id}/edit\"", campaignPage);
    }

    [Fact]
    public async Task A_draft_or_approved_statement_is_edited_on_its_page_an_approved_one_returns_to_draft_and_a_published_one_is_not_changed()
    {
        var world = await CreateAsync(app);
        var campaign = await StartAsync(world.A, new { template = "landmines", confidentiality = "Organisation" });
        var id = Id(campaign);
        var draft = await CreatedAsync(world.A, $"/api/v1/campaigns/{id}/statements",
            new { titleEn = "Welcome", titleKm = "សូមស្វាគមន៍", bodyEn = "Body", bodyKm = "អត្ថបទ" });
        var statement = draft.GetProperty("id").GetGuid();
        using (var approved = await world.CoordinatorClientA.PostAsync($"/api/v1/campaigns/statements/{statement}/approval", null))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var page = $"/campaigns/statements/{statement}/edit";

        var form = await world.A.GetStringAsync(page);
        using var outsider = await world.B.GetAsync(page);
        using var edited = await world.A.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Text.TitleEn"] = "Welcome, Tuvalu", ["Text.TitleKm"] = "សូមស្វាគមន៍ ទូវ៉ាលូ", ["Text.BodyEn"] = "Edited body", ["Text.BodyKm"] = "អត្ថបទកែ",
        }, formName: "edit-statement");
        var afterEdit = (await world.A.GetJsonAsync($"/api/v1/campaigns/{id}/statements")).EnumerateArray().Single();
        using (var approved = await world.CoordinatorClientA.PostAsync($"/api/v1/campaigns/statements/{statement}/approval", null))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using (var published = await world.CoordinatorClientA.PostAsync($"/api/v1/campaigns/statements/{statement}/publication", null))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publishedPage = await world.A.GetStringAsync(page);
        var campaignPage = await world.A.GetStringAsync($"/campaigns/{id}");

        Assert.Contains("value=\"Welcome\"", form);
        Assert.Contains("saving a change sends it back to draft", form);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.DoesNotContain("សូមស្វាគមន៍", await outsider.Content.ReadAsStringAsync());
        Assert.True(edited.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, edited.StatusCode.ToString());
        Assert.Equal("Welcome, Tuvalu", afterEdit.GetProperty("titleEn").GetString());
        Assert.Equal("Draft", afterEdit.GetProperty("status").GetString());
        Assert.Contains("A published statement is not changed", publishedPage);
        Assert.DoesNotContain("name=\"Text.TitleEn\"", publishedPage);
        Assert.DoesNotContain($"/campaigns/statements/{statement}/edit", campaignPage);
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string url, object request)
    {
        using var response = await client.PostAsJsonAsync(url, request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<string> AssertFieldAsync(HttpResponseMessage response, string field, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), text);
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        Assert.Equal(code, problem.RootElement.GetProperty("codes").GetProperty(field).GetString());
        return text;
    }
}

public sealed class SqliteCampaignEditTests(SqliteApp app) : CampaignEditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCampaignEditTests(PostgresApp app) : CampaignEditTests(app), IClassFixture<PostgresApp>;
