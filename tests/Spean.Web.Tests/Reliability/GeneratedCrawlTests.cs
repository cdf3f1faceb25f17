using System.Diagnostics;
using System.Net;
using Spean.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spean.Web.Tests.Reliability;

/// <summary>
/// The crawl generated from the running app: every route of its endpoint data source (pages and API), every method, as
/// every kind of person, over a world where each module's <see cref="ICrawlWorld"/> planted canaries in its confidential
/// fields. No answer may hold a canary the person may not read or fail with a 5xx; every canary must be seen by someone
/// allowed to (or the crawl proves nothing about it); every route must be reached, and a route parameter no world gives a
/// value for fails the test. A new module's routes are crawled without anyone listing them.
/// </summary>
public abstract class GeneratedCrawlTests(SpeanApp app, ITestOutputHelper output)
{
    /// <summary>Endpoints the crawl cannot call meaningfully, each with the reason; nothing else is left out.</summary>
    private static readonly Dictionary<string, string> NotCrawled = new(StringComparer.Ordinal)
    {
        ["GET /_framework/opaque-redirect"] = "Blazor's own redirect, which needs a URL the framework encrypted for one navigation",
        ["POST /api/v1/me/tokens"] = "creates tokens from a browser session only and refuses every token, as the crawl's clients are (TokenScopeTests)",
    };

    private sealed record Visit(CrawlRoute Route, string Url, CrawlRole Role, HttpStatusCode Status, TimeSpan Took);

    public static IEnumerable<ICrawlWorld> Worlds() =>
        typeof(GeneratedCrawlTests).Assembly.GetTypes()
            .Where(t => typeof(ICrawlWorld).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICrawlWorld)Activator.CreateInstance(t)!)
            .OrderBy(w => w.Order).ThenBy(w => w.GetType().Name, StringComparer.Ordinal);

    [Fact]
    public async Task Every_route_as_every_role_shows_no_canary_the_role_may_not_read()
    {
        var clock = Stopwatch.StartNew();
        var context = await CrawlContext.CreateAsync(app);
        foreach (var world in Worlds()) await world.PlantAsync(context);
        var planted = clock.Elapsed;
        var (routes, openApi) = await CrawlRoutes.ReadAsync(app);

        var problems = new List<string>();
        var targets = new List<(CrawlRoute Route, string Url)>();
        foreach (var route in routes.Where(r => !NotCrawled.ContainsKey(r.ToString())))
        {
            var (urls, missing) = CrawlRequests.Urls(route, context);
            if (missing is not null)
                problems.Add($"{route}: no value for {{{missing}}}. Add one in the ICrawlWorld of its module: context.Parameter(\"{route.Template}\", \"{missing}\", …)");
            targets.AddRange(urls.Select(url => (route, url)));
        }

        var visits = new List<Visit>();
        var seen = new HashSet<Canary>();
        async Task VisitAsync(CrawlRole role, CrawlRoute route, string url)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = CrawlRequests.Body(route, openApi) };
            using var response = await context.Client(role).SendAsync(request);
            var text = await CrawlRequests.TextAsync(response);
            visits.Add(new Visit(route, url, role, response.StatusCode, Stopwatch.GetElapsedTime(started)));
            if ((int)response.StatusCode >= 500) problems.Add($"{role}: {route.Method} {url} failed with {(int)response.StatusCode}");
            foreach (var canary in context.Canaries.Where(c => text.Contains(c.Text, StringComparison.Ordinal)))
                if (canary.Allowed.Contains(role)) seen.Add(canary);
                else problems.Add($"LEAK {role}: {route.Method} {url} shows {canary.Field}");
        }

        // Pages are read in English and in Khmer, each asked for by name: each language has its own strings and may format or
        // include other parts, and a language chosen earlier (a cookie set while planting) must not hide the other.
        static string In(string url, string culture) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture;
        var gets = targets.Where(t => t.Route.Method == "GET").ToList();
        var reads = gets.Select(t => t.Route.IsPage ? (t.Route, In(t.Url, "en")) : t).ToList();
        reads.AddRange(gets.Where(t => t.Route.IsPage).Select(t => (t.Route, In(t.Url, "km"))));

        // Reading first, over the untouched world; then the methods that change things, deleting last.
        foreach (var role in CrawlRoles.Everyone)
            foreach (var (route, url) in reads)
                await VisitAsync(role, route, url);
        var read = clock.Elapsed;
        foreach (var method in new[] { "POST", "PUT", "PATCH", "DELETE" })
            foreach (var role in CrawlRoles.Everyone)
                foreach (var (route, url) in targets.Where(t => t.Route.Method == method))
                    await VisitAsync(role, route, url);

        foreach (var canary in context.Canaries.Where(c => c.Allowed.Count > 0 && !seen.Contains(c)))
            problems.Add($"{canary.Field}: no one allowed to read it ({string.Join(", ", canary.Allowed)}) saw it anywhere, so the crawl does not reach it");
        foreach (var route in visits.GroupBy(v => v.Route))
        {
            bool Reached(Visit v) => route.Key.Method == "GET"
                ? (int)v.Status < 400
                : (int)v.Status < 500 && v.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed);
            if (!route.Any(Reached))
                problems.Add($"{route.Key}: the crawl cannot reach it; every role got {string.Join(", ", route.Select(v => (int)v.Status).Distinct())}. Give its parameters values that exist");
        }

        var leaks = problems.Count(p => p.StartsWith("LEAK", StringComparison.Ordinal));
        output.WriteLine($"{app.Provider}: {routes.Count} routes ({routes.Count(r => r.Operation is not null)} in the OpenAPI document), {CrawlRoles.Everyone.Length} roles, "
            + $"{visits.Select(v => (v.Route, v.Role)).Distinct().Count()} route × role pairs, {visits.Count} requests, {context.Canaries.Count} canaries, {leaks} leaks; "
            + $"planting {planted.TotalSeconds:0.0} s, reading {(read - planted).TotalSeconds:0.0} s, changing {(clock.Elapsed - read).TotalSeconds:0.0} s");
        foreach (var slow in visits.GroupBy(v => v.Route).OrderByDescending(g => g.Sum(v => v.Took.TotalSeconds)).Take(8))
            output.WriteLine($"slowest: {slow.Key} {slow.Count()} requests, {slow.Sum(v => v.Took.TotalSeconds):0.0} s");
        foreach (var skipped in NotCrawled) output.WriteLine($"not crawled: {skipped.Key}: {skipped.Value}");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(80)));
    }
}

public sealed class SqliteGeneratedCrawlTests(SqliteApp app, ITestOutputHelper output) : GeneratedCrawlTests(app, output), IClassFixture<SqliteApp>;

public sealed class PostgresGeneratedCrawlTests(PostgresApp app, ITestOutputHelper output) : GeneratedCrawlTests(app, output), IClassFixture<PostgresApp>;
