using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Web.Accounts;
using Spean.Core;
using Spean.Core.Data;
using Spean.Core.Monitoring.Map;
using Spean.Web.Infrastructure;
using Spean.Core.Taxonomies;

namespace Spean.Web.Monitoring.Map;

internal static class MapApi
{
    public static void MapMapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/map").WithTags("Map").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/provinces.svg", GetProvincesSvg).Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").ProducesProblem(StatusCodes.Status400BadRequest).WithSummary(
            "Cambodia's provinces as one SVG that stands alone, each coloured by the reports the caller may see (category, from, to " +
            "as on the map page), with district outlines (districts=true) and mining and land concessions (concessions=true).");
        api.MapGet("/concessions.geojson", GetConcessions).Produces(StatusCodes.Status200OK, contentType: "application/geo+json").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every concession with a known area or place as GeoJSON features, optionally of one kind.");
        api.MapGet("/province-outlines.svg", (HttpContext c, ProvinceMap map) => Outlines(c, map.ProvinceOutlines))
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").WithSummary(
                "The provinces' outlines as SVG paths with the ids province-01 to province-25, which the map page draws with <use>. " +
                "They change only with the shipped boundaries: an address with ?v= is cached for good.");
        api.MapGet("/district-outlines.svg", (HttpContext c, ProvinceMap map) => Outlines(c, map.DistrictOutlines))
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .WithSummary("The districts' outlines as one SVG path with the id districts, for the map page's district layer; cached as the provinces' are.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProvincesSvg(
        ProvinceMap map, MapConcessions mapConcessions, ReportCountsByProvince reports, SpeanDbContext db, ClaimsPrincipal user,
        string? category, string? from, string? to, bool? districts, bool? concessions, CancellationToken cancellationToken)
    {
        var (filter, error) = MapQuery.Parse(category, from, to);
        if (filter is null) return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        var svg = map.Render(new MapContent(await reports.CountAsync(filter, user.Viewer(), cancellationToken), MapQuery.ReportsLink(filter))
        {
            Districts = districts == true,
            Concessions = concessions == true ? await mapConcessions.LayerAsync(db, cancellationToken) : null,
        });
        return TypedResults.Content(svg, "image/svg+xml; charset=utf-8");
    }

    /// <summary>The outlines every map page draws from, so that a phone fetches them once and not with every map.</summary>
    public static MapOutlines OutlinesOf(ProvinceMap map) => new(
        $"/api/v1/map/province-outlines.svg?v={map.OutlinesVersion}", $"/api/v1/map/district-outlines.svg?v={map.OutlinesVersion}");

    private static ContentHttpResult Outlines(HttpContext context, string svg)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Content(svg, "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetConcessions(
        SpeanDbContext db, string? kind, CancellationToken cancellationToken)
    {
        ConcessionKind? parsed = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!EnumNames.TryParse<ConcessionKind>(kind, out var k))
                return TypedResults.Problem(
                    $"Unknown concession kind '{kind}'. Use one of: {string.Join(", ", Enum.GetNames<ConcessionKind>())}.",
                    statusCode: StatusCodes.Status400BadRequest);
            parsed = k;
        }
        var rows = await db.Concessions.AsNoTracking()
            .Where(c => c.Geometry != null && (parsed == null || c.Kind == parsed))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Kind, c.Name, c.Company, c.Purpose, c.Provinces, c.ProvinceCodes, c.Hectares, c.ContractDate, c.Status, c.Geometry })
            .ToListAsync(cancellationToken);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var c in rows)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", c.Id);
                json.WritePropertyName("geometry");
                json.WriteRawValue(c.Geometry!);
                json.WriteStartObject("properties");
                json.WriteString("kind", c.Kind.ToString());
                json.WriteString("name", c.Name);
                json.WriteString("company", c.Company);
                json.WriteString("purpose", c.Purpose);
                json.WriteString("provinces", c.Provinces);
                json.WriteStartArray("provinceCodes");
                foreach (var code in c.ProvinceCodes) json.WriteStringValue(code);
                json.WriteEndArray();
                if (c.Hectares is { } hectares) json.WriteNumber("hectares", hectares);
                else json.WriteNull("hectares");
                json.WriteString("contractDate", c.ContractDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("status", c.Status);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return TypedResults.File(buffer.ToArray(), "application/geo+json");
    }
}
