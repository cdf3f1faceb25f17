using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Reliability;

/// <summary>The kinds of person the generated crawl visits every route as. Organisation A owns everything planted.</summary>
public enum CrawlRole
{
    Anonymous,
    Viewer,
    Member,
    Coordinator,
    Administrator,
    NetworkAdministrator,
    MemberOfOtherOrganisation,

    /// <summary>The Member of A who wrote the reports: the one person who may see drafts and Restricted reports, so that the crawl proves it reaches them.</summary>
    Author,
}

public static class CrawlRoles
{
    public static readonly CrawlRole[] Everyone = Enum.GetValues<CrawlRole>();
    public static readonly CrawlRole[] SignedIn = [.. Everyone.Where(r => r != CrawlRole.Anonymous)];
    public static readonly CrawlRole[] OfOrganisationA = [.. SignedIn.Where(r => r != CrawlRole.MemberOfOtherOrganisation)];
    public static readonly CrawlRole[] IdentifiersInA = [CrawlRole.Coordinator, CrawlRole.Administrator, CrawlRole.NetworkAdministrator, CrawlRole.Author];
    public static readonly CrawlRole[] AdministratorsOfA = [CrawlRole.Administrator, CrawlRole.NetworkAdministrator];
}

/// <summary>A string planted in one confidential field, and who may read it.</summary>
public sealed record Canary(string Text, string Field, IReadOnlySet<CrawlRole> Allowed);

/// <summary>
/// One module's part of the crawl's world: it plants canaries in the module's confidential fields through the context, and
/// gives values for the module's route parameters. Every implementation in the test assembly is found by reflection, so a
/// new module adds one class beside its tests and its routes are crawled with its data.
/// </summary>
public interface ICrawlWorld
{
    /// <summary>Worlds plant in this order: a world that uses another's data (an assessment citing reports) comes later.</summary>
    int Order { get; }

    Task PlantAsync(CrawlContext context);
}

/// <summary>What worlds share: the app, the two organisations, a client per role, the canaries and the route parameter values.</summary>
public sealed class CrawlContext
{
    private readonly Dictionary<CrawlRole, (SpeanUser? User, HttpClient Client)> people = [];
    private readonly List<Canary> canaries = [];
    private readonly List<(string Route, string Name, List<string> Values)> parameters = [];
    private readonly Dictionary<Type, object> shared = [];

    private CrawlContext(SpeanApp app) => App = app;

    public SpeanApp App { get; }

    public Guid OrganisationA { get; private set; }

    public Guid OrganisationB { get; private set; }

    public IReadOnlyList<Canary> Canaries => canaries;

    public static async Task<CrawlContext> CreateAsync(SpeanApp app)
    {
        var context = new CrawlContext(app);
        context.OrganisationA = await Monitoring.ReportsWorld.OrganisationAsync(app, "Organisation A");
        context.OrganisationB = await Monitoring.ReportsWorld.OrganisationAsync(app, "Organisation B");
        context.people[CrawlRole.Anonymous] = (null, app.AnonymousClient());
        foreach (var (role, kind, organisation) in new[]
        {
            (CrawlRole.Viewer, Role.Viewer, context.OrganisationA), (CrawlRole.Member, Role.Member, context.OrganisationA),
            (CrawlRole.Coordinator, Role.Coordinator, context.OrganisationA), (CrawlRole.Administrator, Role.Administrator, context.OrganisationA),
            (CrawlRole.NetworkAdministrator, Role.NetworkAdministrator, context.OrganisationA),
            (CrawlRole.MemberOfOtherOrganisation, Role.Member, context.OrganisationB), (CrawlRole.Author, Role.Member, context.OrganisationA),
        })
            context.people[role] = await Accounts.Administrators.PersonAsync(app, kind, organisation);
        return context;
    }

    public HttpClient Client(CrawlRole role) => people[role].Client;

    public SpeanUser User(CrawlRole role) => people[role].User ?? throw new InvalidOperationException("Anonymous visitors have no account.");

    /// <summary>A new canary for one field: letters and digits only, so HTML, JSON, CSV and XML carry it unchanged.</summary>
    public string Canary(string field, params CrawlRole[] allowed) =>
        Plain("CNRY" + Guid.NewGuid().ToString("N")[..14], field, allowed);

    /// <summary>A canary whose text is given (a GPS coordinate, say), for fields that cannot hold letters.</summary>
    public string Plain(string text, string field, params CrawlRole[] allowed)
    {
        canaries.Add(new Canary(text, field, allowed.ToHashSet()));
        return text;
    }

    /// <summary>
    /// Values for a route parameter. <paramref name="route"/> is the start of the route template without constraints
    /// ("/api/v1/reports/{id}"), or "*" for every route; the longest match wins. The crawl visits each value (and every
    /// combination with the route's other parameters). Required query parameters are looked up the same way.
    /// </summary>
    public void Parameter(string route, string name, params IEnumerable<object> values) =>
        parameters.Add((route, name, [.. Flatten(values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!)]));

    // A list of ids passed as one argument (IEnumerable<Guid> is not an IEnumerable<object>) counts as its items.
    private static IEnumerable<object> Flatten(IEnumerable<object> values) =>
        values.SelectMany(v => v is System.Collections.IEnumerable many and not string ? many.Cast<object>() : [v]);

    /// <summary>The values for the parameter on the route, and whether they were given for this route rather than for every route.</summary>
    public (IReadOnlyList<string> Values, bool ForRoute)? ValuesFor(string route, string name)
    {
        var matches = parameters
            .Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && (p.Route == "*" || Covers(p.Route, route)))
            .GroupBy(p => p.Route == "*" ? 0 : p.Route.Length).OrderByDescending(g => g.Key).FirstOrDefault();
        return matches is null ? null : ([.. matches.SelectMany(p => p.Values).Distinct()], matches.Key > 0);
    }

    private static bool Covers(string prefix, string route) =>
        route.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || (route.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && route[prefix.Length] == '/');

    /// <summary>Data one world hands to a later one (the reports an assessment cites).</summary>
    public void Share<T>(T value) where T : notnull => shared[typeof(T)] = value;

    public T Shared<T>() => shared.TryGetValue(typeof(T), out var value) ? (T)value
        : throw new InvalidOperationException($"No world shared a {typeof(T).Name}; give the world that uses it a higher Order.");
}
