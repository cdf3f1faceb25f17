using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Taxonomies;
using Spean.Web.Infrastructure;

namespace Spean.Web.Taxonomies;

public sealed record CountryResponse(
    string Iso3, string Iso2, string Name, string NameKm, bool UnMember, string? RegionalGroup,
    IReadOnlyList<string> Organisations, bool ClusterMunitionsParty, bool MineBanParty);

public sealed record RegionalGroupResponse(string Code, string Name, int Members);

public sealed record OrganisationResponse(string Code, string NameEn, string NameKm);

public sealed record AdminUnitResponse(string Code, string Level, string NameKm, string NameLatin, string TypeKm, string TypeEn, string? ParentCode);

public sealed record AdminUnitDetail(AdminUnitResponse Unit, IReadOnlyList<AdminUnitResponse> Path, IReadOnlyList<AdminUnitResponse> Children);

public sealed record SdgResponse(string Code, string Level, int Goal, string? ParentCode, string TitleEn, string TitleKm);

internal static class TaxonomiesApi
{
    public static void MapTaxonomiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Taxonomies").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/countries", ListCountries);
        api.MapGet("/regional-groups", ListRegionalGroups);
        api.MapGet("/intergovernmental-organisations", ListOrganisations);
        api.MapGet("/gazetteer", ListProvinces);
        api.MapGet("/gazetteer/search", SearchGazetteer);
        api.MapGet("/gazetteer/places", PlaceList.GetAsync)
            .WithSummary("Every unit, compact and gzipped, for the offline report form: {types:[[km,en]], units:[[code,nameKm,nameLatin,type]]}.");
        api.MapGet("/gazetteer/{code}", GetUnit);
        api.MapGet("/sdgs", ListSdgs);
    }

    private static async Task<Results<Ok<List<CountryResponse>>, ProblemHttpResult>> ListCountries(
        CountryDirectory directory, bool? unMember, string? group, string? organisation)
    {
        RegionalGroup? parsed = null;
        if (!string.IsNullOrEmpty(group))
        {
            if (!EnumNames.TryParse<RegionalGroup>(group, out var g))
                return TypedResults.Problem(
                    $"Unknown regional group '{group}'. Use one of: {string.Join(", ", Enum.GetNames<RegionalGroup>())}.",
                    statusCode: StatusCodes.Status400BadRequest);
            parsed = g;
        }
        var countries = await directory.ListAsync(unMember, parsed, organisation);
        return TypedResults.Ok(countries.Select(c => new CountryResponse(
            c.Iso3, c.Iso2, c.Name, c.NameKm, c.UnMember, c.RegionalGroup?.ToString(), c.Organisations,
            c.ClusterMunitionsParty, c.MineBanParty)).ToList());
    }

    private static async Task<Ok<List<RegionalGroupResponse>>> ListRegionalGroups(CountryDirectory directory)
    {
        var members = await directory.ListAsync(unMember: true);
        return TypedResults.Ok(Enum.GetValues<RegionalGroup>()
            .Select(g => new RegionalGroupResponse(g.ToString(), RegionalGroupNames.English(g), members.Count(c => c.RegionalGroup == g)))
            .ToList());
    }

    private static async Task<Ok<List<OrganisationResponse>>> ListOrganisations(CountryDirectory directory) =>
        TypedResults.Ok((await directory.OrganisationsAsync()).Select(o => new OrganisationResponse(o.Code, o.NameEn, o.NameKm)).ToList());

    private static async Task<Ok<List<AdminUnitResponse>>> ListProvinces(Gazetteer gazetteer) =>
        TypedResults.Ok((await gazetteer.ChildrenAsync(null)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<List<AdminUnitResponse>>, ProblemHttpResult>> SearchGazetteer(Gazetteer gazetteer, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return TypedResults.Problem("Give a Khmer or Latin name to search for in 'q'.", statusCode: StatusCodes.Status400BadRequest);
        return TypedResults.Ok((await gazetteer.SearchAsync(q)).Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<AdminUnitDetail>, ProblemHttpResult>> GetUnit(Gazetteer gazetteer, string code)
    {
        var unit = await gazetteer.FindAsync(code);
        if (unit is null)
            return TypedResults.Problem($"No administrative unit has the code '{code}'.", statusCode: StatusCodes.Status404NotFound);
        var path = await gazetteer.PathAsync(code);
        var children = await gazetteer.ChildrenAsync(code);
        return TypedResults.Ok(new AdminUnitDetail(ToResponse(unit), path.Select(ToResponse).ToList(), children.Select(ToResponse).ToList()));
    }

    private static async Task<Ok<List<SdgResponse>>> ListSdgs(CountryDirectory directory, int? goal) =>
        TypedResults.Ok((await directory.SdgsAsync(goal))
            .Select(s => new SdgResponse(s.Code, s.Level.ToString(), s.Goal, s.ParentCode, s.TitleEn, s.TitleKm)).ToList());

    private static AdminUnitResponse ToResponse(AdminUnit u) =>
        new(u.Code, u.Level.ToString(), u.NameKm, u.NameLatin, u.TypeKm, u.TypeEn, u.ParentCode);
}
