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
        api.MapGet("/provinces.svg", GetProvincesSvg);
        api.MapGet("/concessions.geojson", GetConcessions);
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
