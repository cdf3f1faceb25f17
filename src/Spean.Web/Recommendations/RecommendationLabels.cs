using Microsoft.Extensions.Localization;
using Spean.Core.Recommendations;
using Spean.Web.Infrastructure;
using Spean.Web.Recommendations.Search;

namespace Spean.Web.Recommendations;

/// <summary>What a person reads for a facet value: a country's name for KHM, the group's name in their language for AsiaPacific.</summary>
public sealed class RecommendationLabels(ReferenceNames names, IStringLocalizer<Strings> localizer)
{
    private IReadOnlyDictionary<string, string>? countries;
    private IReadOnlyDictionary<string, string>? organisations;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (countries is not null) return;
        var known = await names.InAsync(Localization.IsKhmer, cancellationToken);
        (countries, organisations) = (known.Countries, known.Organisations);
    }

    public string Field(string field) => localizer[$"Facet.{field}"];

    public string Total => localizer["Total"];

    /// <summary>A value's name, or "(none)" in the reader's language where statistics count recommendations without one.</summary>
    public string Value(string field, string value) => field switch
    {
        _ when value == RecommendationStatistics.None => localizer["NoValue"],
        "sur" or "recommending" => Country(value),
        "surGroup" or "recommendingGroup" => localizer[$"Group.{value}"],
        "surOrg" or "recommendingOrg" => organisations?.GetValueOrDefault(value) ?? value,
        "response" => localizer[$"Response.{value}"],
        "action" => $"{value} · {localizer[$"ActionCategory.{value}"]}",
        "issue" when Localization.IsKhmer => IssueThesaurus.Shipped.Khmer(value),
        _ => value,
    };

    public string Issue(string issue) => Value("issue", issue);

    public string Country(string iso3) => countries?.GetValueOrDefault(iso3) ?? iso3;

    /// <summary>A State's name in the reader's language; one that matches no country (an observer) keeps the name it was written with.</summary>
    public string State(string name, string? iso3) => iso3 is not null && countries?.GetValueOrDefault(iso3) is { } known ? known : name;
}
