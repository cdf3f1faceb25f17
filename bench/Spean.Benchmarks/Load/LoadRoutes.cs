namespace Spean.Search.Bench.Load;

internal enum Caller
{
    Anonymous,
    SignedIn,
    Token,
    /// <summary>Files a new draft report through the API with a monitor's read-write token.</summary>
    Writer,
}

internal sealed record LoadRoute(string Name, string Path, Caller Caller, int Weight);

/// <summary>What the load's users ask for: searches and facet clicks anonymously, the report list and map signed in, the API with and without a token.</summary>
internal static class LoadRoutes
{
    public const string SearchPage = "/recommendations?q=torture NOT prison&sur=KHM";

    public static readonly LoadRoute[] Full =
    [
        new("search page", SearchPage, Caller.Anonymous, 25),
        new("search, Khmer", "/recommendations?q=ទារុណកម្ម", Caller.Anonymous, 5),
        new("search, page 3", "/recommendations?q=women&page=3", Caller.Anonymous, 5),
        new("facet click", "/recommendations?sur=KHM&response=Supported", Caller.Anonymous, 10),
        new("facet click, two", "/recommendations?q=torture&response=Noted&issue=Torture and other CID treatment", Caller.Anonymous, 5),
        new("search API", "/api/v1/recommendations?q=torture NOT prison&sur=KHM", Caller.Anonymous, 10),
        new("report list", "/reports", Caller.SignedIn, 15),
        new("report list, filtered", "/reports?category=land&page=2", Caller.SignedIn, 5),
        new("map", "/map", Caller.SignedIn, 10),
        new("reports API", "/api/v1/reports", Caller.Token, 10),
    ];

    /// <summary>The signed-in monitoring routes of <see cref="Full"/> alone, to see what they cost without the searches beside them.</summary>
    public static readonly LoadRoute[] Reports = Full.Where(r => r.Caller != Caller.Anonymous).ToArray();

    /// <summary>A monitor of the other organisation filing reports beside the readers: every report saved makes the kept counts stale.</summary>
    public static readonly LoadRoute Filing = new("filing a report", "/api/v1/reports", Caller.Writer, 2);

    public static readonly LoadRoute[] Search = [new("search page", SearchPage, Caller.Anonymous, 1)];

    /// <summary>A different search nearly every time (a word and a State of thousands of pairs), so that pages asked again are not what is measured.</summary>
    public static readonly LoadRoute[] Varied =
    [
        new("search page", SearchPage, Caller.Anonymous, 1),
        new("varied search", "/recommendations?q={word}&sur={state}", Caller.Anonymous, 9),
    ];

    private static readonly string[] Words =
    [
        "torture", "prison", "women", "children", "education", "health", "land", "police", "journalists", "defenders",
        "disability", "poverty", "violence", "trafficking", "death", "penalty", "corruption", "judiciary", "elections", "media",
        "minorities", "indigenous", "migrants", "refugees", "labour", "water", "climate", "housing", "discrimination", "gender",
        "marriage", "birth", "registration", "detention", "ratify", "convention", "optional", "protocol", "institution", "ombudsman",
        "expression", "assembly", "association", "religion", "press", "internet", "food", "employment", "pension", "youth",
    ];

    private static readonly string[] States =
    [
        "KHM", "THA", "VNM", "LAO", "MMR", "IDN", "PHL", "MYS", "CHN", "IND", "BGD", "PAK", "NPL", "LKA", "JPN",
        "KOR", "AUS", "NZL", "FRA", "DEU", "GBR", "USA", "CAN", "BRA", "MEX", "NGA", "KEN", "ZAF", "EGY", "TUR",
        "RUS", "UKR", "POL", "ITA", "ESP", "SWE", "NOR", "ARG", "CHL", "COL",
    ];

    /// <summary>The path with its {word} and {state} filled at random.</summary>
    public static string Fill(string path, Random random) => path
        .Replace("{word}", Words[random.Next(Words.Length)], StringComparison.Ordinal)
        .Replace("{state}", States[random.Next(States.Length)], StringComparison.Ordinal);

    /// <summary>A mix by name; "-writing" after it adds <see cref="Filing"/>.</summary>
    public static LoadRoute[] Named(string mix) => mix switch
    {
        "full" => Full,
        "search" => Search,
        "varied" => Varied,
        "reports" => Reports,
        _ when mix.EndsWith("-writing", StringComparison.Ordinal) => [.. Named(mix[..^"-writing".Length]), Filing],
        _ => throw new ArgumentException($"Unknown mix '{mix}': full, search, varied or reports, each with -writing or not."),
    };
}
