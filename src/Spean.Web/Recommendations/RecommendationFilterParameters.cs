using Microsoft.AspNetCore.Mvc;
using Spean.Core.Recommendations;

namespace Spean.Web.Recommendations;

/// <summary>
/// The query-string filters as the API declares them (so they appear in the OpenAPI document); they feed the same
/// <see cref="RecommendationQuery.Parse(IEnumerable{KeyValuePair{string, IReadOnlyList{string}}})"/> as the pages. Several values of one field: repeat the key.
/// </summary>
internal sealed class RecommendationFilterParameters
{
    /// <summary>Words, "phrases", AND, OR, NOT, -word, (groups), prefix*; Khmer words too.</summary>
    [FromQuery(Name = "q")] public string? Q { get; init; }
    /// <summary>State under Review, ISO 3166 alpha-3 (KHM).</summary>
    [FromQuery(Name = "sur")] public string[]? Sur { get; init; }
    /// <summary>Recommending State, ISO3, or its name when it is not a State.</summary>
    [FromQuery(Name = "recommending")] public string[]? Recommending { get; init; }
    /// <summary>UN regional group of the State under Review (AsiaPacific, African, ...).</summary>
    [FromQuery(Name = "surGroup")] public string[]? SurGroup { get; init; }
    /// <summary>UN regional group of a recommending State, or Observer.</summary>
    [FromQuery(Name = "recommendingGroup")] public string[]? RecommendingGroup { get; init; }
    /// <summary>Intergovernmental organisation of the State under Review (ASEAN, EU, ...).</summary>
    [FromQuery(Name = "surOrg")] public string[]? SurOrg { get; init; }
    /// <summary>Intergovernmental organisation of a recommending State.</summary>
    [FromQuery(Name = "recommendingOrg")] public string[]? RecommendingOrg { get; init; }
    [FromQuery(Name = "session")] public string[]? Session { get; init; }
    [FromQuery(Name = "cycle")] public string[]? Cycle { get; init; }
    /// <summary>Supported, Noted or Pending.</summary>
    [FromQuery(Name = "response")] public string[]? Response { get; init; }
    /// <summary>UPR Info action category, 1 (minimal) to 5 (specific).</summary>
    [FromQuery(Name = "action")] public string[]? Action { get; init; }
    /// <summary>UPR Info issue, e.g. "Torture and other CID treatment".</summary>
    [FromQuery(Name = "issue")] public string[]? Issue { get; init; }
    /// <summary>SDG goal or target code, e.g. 16 or 16.2.</summary>
    [FromQuery(Name = "sdg")] public string[]? Sdg { get; init; }
    /// <summary>OHCHR human rights theme, from the UPR matrix, e.g. "Enforced disappearances".</summary>
    [FromQuery(Name = "theme")] public string[]? Theme { get; init; }
    /// <summary>Affected persons / group of persons, from the UPR matrix, e.g. "Stateless persons".</summary>
    [FromQuery(Name = "affected")] public string[]? Affected { get; init; }
    /// <summary>relevance (default), newest or oldest.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; init; }

    public IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> Pairs() =>
    [
        new("q", [Q]), new("sur", Sur ?? []), new("recommending", Recommending ?? []), new("surGroup", SurGroup ?? []),
        new("recommendingGroup", RecommendingGroup ?? []), new("surOrg", SurOrg ?? []), new("recommendingOrg", RecommendingOrg ?? []),
        new("session", Session ?? []), new("cycle", Cycle ?? []), new("response", Response ?? []), new("action", Action ?? []),
        new("issue", Issue ?? []), new("sdg", Sdg ?? []), new("theme", Theme ?? []),
        new("affected", Affected ?? []), new("sort", [Sort]),
    ];

    public static IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> Pairs(IQueryCollection query) =>
        query.Select(p => new KeyValuePair<string, IReadOnlyList<string?>>(p.Key, p.Value.ToArray()));
}
