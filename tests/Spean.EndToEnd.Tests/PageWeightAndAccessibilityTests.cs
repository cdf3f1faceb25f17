using System.Diagnostics;
using System.Globalization;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Campaigns;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Notifications;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Submissions;
using Spean.Core.Submissions.Drafting;
using Spean.Core.Taxonomies;
using Xunit.Abstractions;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// Every page of the app (its page routes, read from the endpoint data source, so a new page is measured without a list),
/// in English and Khmer, as an organisation's administrator on a 360-px phone: the bytes the browser transfers on a first
/// visit (empty cache) and on the next, which must stay within 150 KB and 30 KB (a few named pages aside), and
/// axe-core's serious and critical accessibility violations, of which there must be none.
/// </summary>
[Collection(nameof(BrowserApp))]
public sealed class PageWeightAndAccessibilityTests(BrowserApp app, ITestOutputHelper output)
{
    private const double FirstVisitGoal = 150 * 1024, NextVisitGoal = 30 * 1024;
    private static readonly string[] Cultures = ["en", "km"];

    /// <summary>
    /// The pages allowed over the goal, each with its own limit and the reason: the offline form brings on its first
    /// visit everything a phone needs to work without a network (its scripts and Cambodia's place names).
    /// </summary>
    private static readonly Dictionary<string, (double First, double Next)> Exceptions = new()
    {
        ["/capture"] = (300 * 1024, NextVisitGoal),
    };

    [Fact]
    public async Task Every_page_in_both_languages_is_light_enough_for_a_phone_and_has_no_serious_accessibility_violation()
    {
        var organisation = await app.CreateOrganisationAsync("Weights");
        var (administrator, password) = await app.CreateUserWithIdAsync(Role.Administrator, organisation);
        var values = await ParameterValuesAsync(organisation, administrator.Id);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern).DistinctBy(p => p.RawText).ToList();

        var paths = new List<string>();
        var problems = new List<string>();
        foreach (var pattern in pages.OrderBy(p => p.RawText, StringComparer.Ordinal))
        {
            var path = "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => values.GetValueOrDefault(pattern.RawText + ":" + parameter.Name.ToLowerInvariant())
                    ?? values.GetValueOrDefault(pattern.RawText!.Split('/')[1] + ":" + parameter.Name.ToLowerInvariant())
                    ?? values.GetValueOrDefault(parameter.Name.ToLowerInvariant()) ?? "{" + parameter.Name + "}",
                _ => "",
            }))));
            if (path.Contains('{', StringComparison.Ordinal)) problems.Add($"{pattern.RawText}: no value for its parameters; add one in {nameof(ParameterValuesAsync)}");
            else paths.Add(path);
        }

        // Each language in a browser context of its own (its own cache and session), side by side: while one waits for the
        // network to fall quiet (half a second, twice a page) or for the server, the other's axe has the core.
        var visits = (await Task.WhenAll(Cultures.Select(culture => VisitEveryPageAsync(paths, culture, administrator.Email!, password))))
            .SelectMany(v => v).ToList();
        var rows = new List<string>();
        var overweight = 0;
        foreach (var visit in visits.OrderBy(v => v.Path, StringComparer.Ordinal).ThenBy(v => v.Url, StringComparer.Ordinal))
        {
            var (path, url, status, landed, (first, next, fetchedAgain), serious, _, checking) = visit;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| `{url}` | {status ?? 0}{(landed != path ? " → " + landed : "")} | {first / 1024:0.0} | {next / 1024:0.0}{(fetchedAgain > 0 ? $" (+{fetchedAgain / 1024:0.0} fetched again)" : "")} | {serious.Count}{(serious.Count > 0 ? " (" + string.Join(", ", serious.Select(v => $"{v.Id}×{v.Nodes.Length}")) + ")" : "")} | {checking.TotalSeconds:0.00} |"));
            foreach (var violation in serious)
                problems.Add($"{url}: {violation.Impact} {violation.Id} ({violation.Help}) on {string.Join("; ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
            if ((status ?? 500) >= 500) problems.Add($"{url}: answered {status}");
            // Otherwise the sign-in page would be measured in place of the page (the session was once lost midway).
            if (landed == "/account/login" && path != landed) problems.Add($"{url}: the signed-in administrator was sent to sign in");
            if (first > FirstVisitGoal || next > NextVisitGoal) overweight++;
            var (firstLimit, nextLimit) = Exceptions.GetValueOrDefault(path, (FirstVisitGoal, NextVisitGoal));
            if (first > firstLimit || next > nextLimit)
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{url}: {first / 1024:0.0} KB on a first visit and {next / 1024:0.0} KB on the next, over {firstLimit / 1024} and {nextLimit / 1024} KB"));
        }

        output.WriteLine("| page | status | first visit (KB) | next visit (KB) | serious or critical violations | axe (s) |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows) output.WriteLine(row);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} page visits; {overweight} over the goal of {FirstVisitGoal / 1024} KB first, {NextVisitGoal / 1024} KB next"));
        // Where the suite's slowest test spends its time (docs/reliability.md, "Suite time"): both visits of each page, and axe.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loading pages {visits.Sum(v => v.Loading.TotalSeconds):F0} s, axe {visits.Sum(v => v.Checking.TotalSeconds):F0} s (summed over both languages, which run side by side)"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_accessibility_check_finds_serious_violations_where_a_page_has_them()
    {
        var page = await app.NewPhonePageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Violations</title></head><body><main>
            <img src="/favicon.ico"><p style="color:#bbb;background:#fff">Pale grey text on white</p>
            </main></body></html>
            """);

        var axe = await RunAxeInPageAsync(page);

        Assert.Equal(["color-contrast", "image-alt"], axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).Order());
        await page.Context.CloseAsync();
    }

    private sealed record Visit(string Path, string Url, int? Status, string Landed, Weight Weight, List<AxeResultItem> Serious,
        TimeSpan Loading, TimeSpan Checking);

    private sealed class Transfer(int visit, string url)
    {
        public int Visit { get; } = visit;
        public string Url { get; } = url;
        public bool Keepable { get; set; }
        public double Bytes { get; set; }
    }

    /// <param name="FetchedAgain">Bytes the browser fetched again though an earlier answer of the same visits let it keep them.</param>
    private sealed record Weight(double First, double Next, double FetchedAgain);

    /// <summary>
    /// A page's weight as its answers ask a phone to carry it: nothing fetched again that an earlier answer said to keep.
    /// Chromium on a busy machine sometimes does fetch such a file again (seen in CI on /map: its outlines, kept for a year,
    /// twice on a first visit and again on the next); those bytes are the browser's, counted apart.
    /// </summary>
    private static Weight Weigh(IEnumerable<Transfer> transfers)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var weight = new double[2];
        double fetchedAgain = 0;
        foreach (var transfer in transfers.Where(t => t.Bytes > 0).OrderBy(t => t.Visit))
        {
            if (kept.Contains(transfer.Url)) fetchedAgain += transfer.Bytes;
            else weight[transfer.Visit] += transfer.Bytes;
            if (transfer.Keepable) kept.Add(transfer.Url);
        }
        return new Weight(weight[0], weight[1], fetchedAgain);
    }

    /// <summary>Whether an answer lets the browser use it again without asking: a lifetime of its own and no word against keeping it.</summary>
    private static bool Keepable(System.Text.Json.JsonElement headers)
    {
        var cacheControl = headers.EnumerateObject().FirstOrDefault(h => h.Name.Equals("cache-control", StringComparison.OrdinalIgnoreCase)).Value;
        if (cacheControl.ValueKind != System.Text.Json.JsonValueKind.String) return false;
        var directives = cacheControl.GetString()!.Split(',', StringSplitOptions.TrimEntries);
        return !directives.Any(d => d is "no-store" or "no-cache")
            && directives.Any(d => d.StartsWith("max-age=", StringComparison.Ordinal) && int.TryParse(d["max-age=".Length..], out var seconds) && seconds > 0);
    }

    /// <summary>Every page in one language, as the administrator signed in on a phone: a first visit with an empty cache, the next, and axe.</summary>
    private async Task<List<Visit>> VisitEveryPageAsync(List<string> paths, string culture, string email, string password)
    {
        // Without the offline form's service worker, which would answer later navigations from its cache and hide their weight.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 }, ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, password, "/");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        // Bytes go to the visit that asked for them, whenever the browser reports them done: on a busy machine a font the
        // first visit asked for was once reported after that visit was read, and counted as the next visit's.
        var gate = new object();
        var requests = new Dictionary<string, Transfer>();
        var visiting = 0;
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            lock (gate) requests[e!.Value.GetProperty("requestId").GetString()!] =
                new Transfer(visiting, e.Value.GetProperty("request").GetProperty("url").GetString()!);
        };
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            lock (gate)
                if (requests.TryGetValue(e!.Value.GetProperty("requestId").GetString()!, out var transfer))
                    transfer.Keepable = Keepable(e.Value.GetProperty("response").GetProperty("headers"));
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            lock (gate)
                if (requests.TryGetValue(e!.Value.GetProperty("requestId").GetString()!, out var transfer))
                    transfer.Bytes = e.Value.GetProperty("encodedDataLength").GetDouble();
        };

        var visits = new List<Visit>();
        foreach (var path in paths)
        {
            var url = path + "?culture=" + culture;
            var clock = Stopwatch.StartNew();
            await cdp.SendAsync("Network.clearBrowserCache");
            lock (gate) (visiting, requests) = (0, []);
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
            await DrawnAsync(page);
            lock (gate) visiting = 1;
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
            await DrawnAsync(page);
            var loading = clock.Elapsed;
            var axe = await RunAxeInPageAsync(page);
            Weight weight;
            lock (gate) weight = Weigh(requests.Values);
            visits.Add(new Visit(path, url, response?.Status, new Uri(page.Url).AbsolutePath, weight,
                axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList(), loading, clock.Elapsed - loading));
        }
        await context.CloseAsync();
        return visits;
    }

    /// <summary>
    /// Until the page is laid out and the fonts its text needs have arrived: the browser asks for a font only when it lays
    /// out text in it, which on a long page on a busy machine can come after the network was quiet for half a second.
    /// </summary>
    private static async Task DrawnAsync(IPage page) =>
        await page.EvaluateAsync("async () => { document.body.getBoundingClientRect(); await document.fonts.ready; }");

    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// axe-core with every rule, run in the page itself. Deque.AxeCore.Playwright's <c>RunAxe</c> runs it in parts, one
    /// per frame, and joins the parts in a browser page it opens, loads axe into and closes at every call: most of a
    /// check's time here, where axe's own rules take a fraction of a second a page (docs/reliability.md, "Suite time").
    /// The parts are only needed for frames, and the app has none; a page with one fails here, to be checked frame by frame.
    /// </summary>
    private static async Task<AxeResult> RunAxeInPageAsync(IPage page)
    {
        Assert.True(page.Frames.Count == 1, $"{page.Url} has a frame, which axe run in the page does not check; Deque.AxeCore.Playwright's RunAxe does");
        await page.EvaluateAsync("() => {" + AxeScript + "}");
        // Only the violations are read: axe still runs every rule, but does not gather and send every passing node.
        var result = await page.EvaluateAsync<string>("async () => JSON.stringify(await axe.run(document, { resultTypes: ['violations'] }))");
        return new AxeResult(JObject.Parse(result));
    }

    /// <summary>A value for each page route parameter: Cambodia's latest cycle of shipped recommendations, a province, one report of the organisation.</summary>
    private async Task<Dictionary<string, string>> ParameterValuesAsync(Guid organisation, Guid author)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var report = new Report
        {
            ClientId = Guid.CreateVersion7(), Title = "Forest cleared near the village", Narrative = "An excavator cleared the community forest.",
            Category = "land", OccurredFrom = new DateOnly(2025, 6, 1), ReportedAt = DateTime.UtcNow, AdminUnitCode = "13",
            OrganisationId = organisation, AuthorId = author, Status = ReportStatus.Draft, Confidentiality = Confidentiality.Organisation,
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        var cycle = await db.Recommendations.Where(r => r.StateUnderReviewIso3 == "KHM").MaxAsync(r => r.Cycle);
        var recommendation = await db.Recommendations.Where(r => r.StateUnderReviewIso3 == "KHM" && r.Cycle == cycle).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var recommending = await db.Recommendations.Where(r => r.StateUnderReviewIso3 == "KHM" && r.Cycle == cycle)
            .SelectMany(r => r.RecommendingStates).Where(s => s.CountryIso3 != null).Select(s => s.CountryIso3!).OrderBy(s => s).FirstOrDefaultAsync() ?? "FRA";
        var values = new Dictionary<string, string>
        {
            ["iso3"] = "KHM", ["cycle"] = cycle.ToString(CultureInfo.InvariantCulture), ["recommending"] = recommending, ["code"] = "13",
            ["reports:id"] = report.Id.ToString(), ["recommendations:id"] = recommendation.ToString(),
            ["briefings:sur"] = "KHM", ["briefings:recommending"] = recommending,
        };
        await PlantNewModulesAsync(scope.ServiceProvider, new Viewer(author, Role.Administrator, organisation), values);
        return values;
    }

    /// <summary>One record behind each page of the submissions, stakeholders, campaigns and notifications, made as the administrator.</summary>
    private static async Task PlantNewModulesAsync(IServiceProvider services, Viewer viewer, Dictionary<string, string> values)
    {
        var submission = (await services.GetRequiredService<SubmissionEditor>().CreateAsync(
            new NewSubmission("Joint submission on land", "KHM", 5, SubmissionKind.Joint, 60, new DateOnly(2029, 1, 20)), viewer, viewer.UserId!.Value)).Value!;
        var cluster = submission.Clusters.OrderBy(c => c.Number).First().Id;
        var paragraph = (await services.GetRequiredService<ParagraphEditor>().AddAsync(submission.Id, cluster, ParagraphKind.Assessment,
            new ParagraphInput("Evictions continued in 2025.", "ការបណ្ដេញចេញនៅតែបន្តក្នុងឆ្នាំ ២០២៥។"), viewer, "Administrator")).Paragraph!;
        values["submissions:id"] = submission.Id.ToString();
        values["submissions:clusterid"] = cluster.ToString();
        values["submissions:paragraphid"] = paragraph.Id.ToString();

        var ministry = (await services.GetRequiredService<StakeholderRegister>().AddAsync(
            new StakeholderInput(nameof(StakeholderKind.Ministry), "Ministry of Environment", "ក្រសួងបរិស្ថាន", nameof(StakeholderLevel.National),
                Confidentiality: "Network"), viewer)).Value!;
        var meeting = (await services.GetRequiredService<EngagementLog>().RecordAsync(
            new EngagementInput("Meeting", new DateOnly(2026, 11, 3), "Meeting on the community forest", OrganisationIds: [ministry.Id]), viewer)).Value!;
        values["stakeholders:id"] = ministry.Id.ToString();
        values["/stakeholders/engagements/{Id:guid}:id"] = meeting.Id.ToString();

        var campaign = (await services.GetRequiredService<CampaignPlans>().StartAsync(
            new NewCampaign(null, null, CampaignConfidentiality.Organisation, "landmines"), viewer)).Value!;
        var statements = services.GetRequiredService<CampaignStatements>();
        var statement = (await statements.DraftAsync(campaign.Id,
            new StatementText("Welcome to the Mine Ban Treaty", "សូមស្វាគមន៍", "We welcome the accession.", "យើងស្វាគមន៍។"), viewer)).Value!;
        await statements.ApproveAsync(statement.Id, viewer);
        values["campaigns:id"] = campaign.Id.ToString();
        values["campaigns:statementid"] = (await statements.DraftAsync(campaign.Id,
            new StatementText("A draft to edit", "សេចក្ដីព្រាងដើម្បីកែ", "Draft text.", "អត្ថបទព្រាង។"), viewer)).Value!.Id.ToString();
        values["campaigns:treatyname"] = nameof(Treaty.MineBan);
        values["statements:slug"] = (await statements.PublishAsync(statement.Id, viewer)).Value!.Slug!;

        var topic = new NotificationTopic("page-weights", "Page weights", "ទម្ងន់ទំព័រ", EmailByDefault: false);
        await services.GetRequiredService<Notifier>().NotifyAsync([viewer.UserId!.Value], topic,
            new NotificationText("A follow-up is due", "ការតាមដានដល់ពេលកំណត់", $"/campaigns/{campaign.Id}"), "page-weights");
        values["notifications:id"] = (await services.GetRequiredService<SpeanDbContext>().Set<Notification>()
            .Where(n => n.UserId == viewer.UserId).Select(n => n.Id).FirstAsync()).ToString();
    }
}
