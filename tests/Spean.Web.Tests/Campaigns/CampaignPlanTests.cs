using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Campaigns.CampaignWorld;

namespace Spean.Web.Tests.Campaigns;

public abstract class CampaignPlanTests(SpeanApp app)
{
    [Fact]
    public async Task Starting_from_the_landmine_template_copies_its_plan_and_changing_the_copy_leaves_the_template_and_other_copies_alone()
    {
        var world = await CreateAsync(app);

        var first = await StartAsync(world.A, new { template = "landmines" });
        var second = await StartAsync(world.A, new { template = "landmines", nameEn = "Second copy", nameKm = "ច្បាប់ចម្លងទីពីរ" });

        Assert.Equal("Cambodia Campaign to Ban Landmines and Cluster Munitions", first.GetProperty("campaign").GetProperty("nameEn").GetString());
        Assert.Equal(4, first.GetProperty("goals").GetArrayLength());
        Assert.Equal(24, Actions(first).Count());
        Assert.Contains(Actions(first), a => a.GetProperty("titleEn").GetString()!.StartsWith("Praise countries that join", StringComparison.Ordinal)
            && a.GetProperty("titleKm").GetString() == "កោតសរសើរប្រទេសដែលចូលជាភាគីអនុសញ្ញាតាមបណ្ដាញសង្គម");
        Assert.True(first.GetProperty("campaign").GetProperty("followsClusterMunitions").GetBoolean());
        Assert.Equal("Second copy", second.GetProperty("campaign").GetProperty("nameEn").GetString());
        Assert.NotEqual(Objectives(first).First().GetProperty("id").GetGuid(), Objectives(second).First().GetProperty("id").GetGuid());

        var objective = Objectives(first).ElementAt(1).GetProperty("id").GetGuid();
        using var added = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(first)}/actions", new
        {
            objectiveId = objective, titleEn = "Meet the embassy of Viet Nam", titleKm = "ជួបស្ថានទូតវៀតណាម", level = "International",
            due = "2026-12-08", ownerUserId = world.MemberA.Id, costAmount = 25.5m, costCurrency = "usd",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var action = await added.ReadJsonAsync();
        Assert.Equal("International", action.GetProperty("level").GetString());
        Assert.Equal("Planned", action.GetProperty("status").GetString());
        Assert.Equal("USD", action.GetProperty("costCurrency").GetString());

        Assert.Equal(25, Actions(await world.A.GetJsonAsync($"/api/v1/campaigns/{Id(first)}")).Count());
        Assert.Equal(24, Actions(await world.A.GetJsonAsync($"/api/v1/campaigns/{Id(second)}")).Count());
        var templates = await world.A.GetJsonAsync("/api/v1/campaigns/templates");
        Assert.Equal(24, templates.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "landmines").GetProperty("actions").GetInt32());
        Assert.Equal(["bridging", "extractive-industry", "landmines"], templates.EnumerateArray().Select(t => t.GetProperty("key").GetString()).Order());
    }

    [Fact]
    public async Task The_extractive_template_plans_at_the_four_levels_and_an_unknown_template_is_refused_with_the_known_ones()
    {
        var world = await CreateAsync(app);

        var campaign = await StartAsync(world.A, new { template = "extractive-industry" });
        using var unknown = await world.A.PostAsJsonAsync("/api/v1/campaigns", new { template = "nope" });

        Assert.Equal(["International", "Local", "National", "Provincial"],
            Actions(campaign).Select(a => a.GetProperty("level").GetString()).Distinct().Order());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("landmines", problem);
        Assert.Contains("TemplateUnknown", problem);
    }

    [Fact]
    public async Task An_organisation_campaign_is_hidden_from_another_organisation_in_the_api_pages_statements_and_calendar()
    {
        var world = await CreateAsync(app);
        var secret = await StartAsync(world.A, new { nameEn = "Quiet campaign " + Guid.NewGuid().ToString("N")[..6], nameKm = "យុទ្ធនាការស្ងាត់", confidentiality = "Organisation" });
        var open = await StartAsync(world.A, new { nameEn = "Open campaign", nameKm = "យុទ្ធនាការបើកចំហ" });
        var name = secret.GetProperty("campaign").GetProperty("nameEn").GetString()!;
        var objective = Objectives(await StartAsync(world.A, new { template = "bridging", confidentiality = "Organisation" })).First();

        using var api = await world.B.GetAsync($"/api/v1/campaigns/{Id(secret)}");
        using var page = await world.B.GetAsync($"/campaigns/{Id(secret)}");
        using var calendar = await world.B.GetAsync($"/campaigns/{Id(secret)}/calendar");
        using var statement = await world.B.PostAsJsonAsync($"/api/v1/campaigns/{Id(secret)}/statements",
            new { titleEn = "t", titleKm = "t", bodyEn = "b", bodyKm = "b" });
        var list = await world.B.GetStringAsync("/api/v1/campaigns");
        var listPage = await world.B.GetStringAsync("/campaigns");
        using var change = await world.B.PostAsJsonAsync($"/api/v1/campaigns/{Id(open)}/actions", new { objectiveId = Guid.NewGuid(), titleEn = "x" });

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain(name, await api.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, calendar.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, statement.StatusCode);
        Assert.DoesNotContain(name, list);
        Assert.DoesNotContain(name, listPage);
        Assert.Contains("Open campaign", list);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Contains(name, await world.CoordinatorClientA.GetStringAsync("/api/v1/campaigns"));
        Assert.NotEqual(default, objective.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_due_action_is_on_its_campaign_s_calendar_and_the_feed_of_those_taking_part_and_its_owner_is_reminded_once()
    {
        var world = await CreateAsync(app);
        var campaign = await StartAsync(world.A, new { template = "landmines", confidentiality = "Organisation" });
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var due = today.AddDays(2);
        var title = "Meet the embassy " + Guid.NewGuid().ToString("N")[..6];
        using var added = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/actions", new
        {
            objectiveId = Objectives(campaign).ElementAt(1).GetProperty("id").GetGuid(), titleEn = title, titleKm = "ជួបស្ថានទូត",
            due = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ownerUserId = world.MemberA.Id,
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var page = await world.A.GetStringAsync($"/campaigns/{Id(campaign)}/calendar");
        var khmerPage = await world.A.GetStringAsync($"/campaigns/{Id(campaign)}/calendar?culture=km");
        var api = await world.A.GetJsonAsync($"/api/v1/campaigns/{Id(campaign)}/calendar?from={today:yyyy-MM-dd}&to={today.AddYears(1):yyyy-MM-dd}");
        var (mine, outsider, anonymous) = await app.WithScopeAsync(async services =>
        {
            var sources = services.GetServices<ICalendarSource>().ToList();
            async Task<List<CalendarEvent>> Feed(Viewer viewer)
            {
                var all = new List<CalendarEvent>();
                foreach (var source in sources)
                    await foreach (var e in source.EventsAsync(viewer, today, today.AddYears(1), null, default)) all.Add(e);
                return all;
            }
            return (await Feed(new Viewer(world.MemberA.Id, Role.Member, world.OrganisationA)),
                await Feed(new Viewer(world.MemberB.Id, Role.Member, world.OrganisationB)), await Feed(Viewer.Anonymous));
        });

        Assert.Contains(title, page);
        Assert.Contains("ជួបស្ថានទូត", khmerPage);
        Assert.Contains("Human Rights Day", page);
        Assert.Contains(api.EnumerateArray(), e => e.GetProperty("titleEn").GetString() == title && e.GetProperty("date").GetString() == due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(mine, e => e.TitleEn == title && e.Date == due);
        Assert.DoesNotContain(outsider, e => e.TitleEn == title);
        Assert.Contains(anonymous, e => e.Category == "anniversary" && e.Date.Month == 12 && e.Date.Day == 10);
        Assert.DoesNotContain(anonymous, e => e.Category == "campaign-action");

        await app.WithScopeAsync(services => services.GetRequiredService<ReminderRun>().RunAsync());
        await app.WithScopeAsync(services => services.GetRequiredService<ReminderRun>().RunAsync());
        var reminders = await app.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<SpeanDbContext>().Set<Notification>()
            .Where(n => n.Topic == "campaign-action-due" && n.TitleEn.Contains(title)).ToList()));
        var reminder = Assert.Single(reminders);
        Assert.Equal(world.MemberA.Id, reminder.UserId);
        Assert.Contains("ជួបស្ថានទូត", reminder.TitleKm);
    }

    [Fact]
    public async Task An_indicator_measurement_is_drawn_on_the_campaign_page_and_bad_input_is_refused_with_what_to_change()
    {
        var world = await CreateAsync(app);
        var campaign = await StartAsync(world.A, new { template = "landmines" });
        var indicator = Objectives(campaign).SelectMany(o => o.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("nameEn").GetString() == "States parties to the Convention on Cluster Munitions");

        using var first = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/indicators/{indicator.GetProperty("id")}/measurements",
            new { date = "2026-01-01", value = 112, note = "UNTC" });
        using var second = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/indicators/{indicator.GetProperty("id")}/measurements",
            new { date = "2026-06-01", value = 113 });
        using var badCurrency = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/actions",
            new { objectiveId = Objectives(campaign).First().GetProperty("id").GetGuid(), titleEn = "x", costAmount = 5, costCurrency = "dollars" });
        using var badLevel = await world.A.PostAsJsonAsync($"/api/v1/campaigns/{Id(campaign)}/actions",
            new { objectiveId = Objectives(campaign).First().GetProperty("id").GetGuid(), titleEn = "x", level = "1" });
        var page = await world.A.GetStringAsync($"/campaigns/{Id(campaign)}");
        var khmer = await world.A.GetStringAsync($"/campaigns/{Id(campaign)}?culture=km");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Contains("<polyline points=", page);
        Assert.Contains("<title>2026-06-01: 113</title>", page);
        Assert.Contains("ចំនួនរដ្ឋភាគីនៃអនុសញ្ញាស្ដីពីគ្រាប់បែកចង្កោម", khmer);
        Assert.Contains("យុទ្ធនាការកម្ពុជាដើម្បីហាមឃាត់មីន និងគ្រាប់បែកចង្កោម", khmer);
        Assert.Equal(HttpStatusCode.BadRequest, badCurrency.StatusCode);
        Assert.Contains("three-letter code such as USD", await badCurrency.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.Contains("Local, Provincial, National or International", await badLevel.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteCampaignPlanTests(SqliteApp app) : CampaignPlanTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCampaignPlanTests(PostgresApp app) : CampaignPlanTests(app), IClassFixture<PostgresApp>;
