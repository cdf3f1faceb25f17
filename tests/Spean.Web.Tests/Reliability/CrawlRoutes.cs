using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Reliability;

/// <summary>One method of one route template, with what the OpenAPI document says of it (null for pages and hidden endpoints).</summary>
public sealed record CrawlRoute(string Method, string Template, IReadOnlyList<string> PathParameters, JsonElement? Operation, bool IsPage)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>Every route the running app answers, from its endpoint data source (pages and minimal APIs alike), joined to its OpenAPI operation.</summary>
public static class CrawlRoutes
{
    public static async Task<(List<CrawlRoute> Routes, JsonElement OpenApi)> ReadAsync(SpeanApp app)
    {
        using var anonymous = app.AnonymousClient();
        var openApi = await anonymous.GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        var routes = new List<CrawlRoute>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = Normalise(endpoint.RoutePattern);
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            foreach (var method in methods.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                JsonElement? operation = paths.TryGetProperty(template, out var path) && path.TryGetProperty(method.ToLowerInvariant(), out var op) ? op : null;
                routes.Add(new CrawlRoute(method.ToUpperInvariant(), template, parameters, operation,
                    endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null));
            }
        }
        return ([.. routes.DistinctBy(r => r.ToString()).OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)], openApi);
    }

    /// <summary>The template as OpenAPI writes it: a leading slash, no constraints or defaults ("/reports/{Id:guid}" → "/reports/{Id}").</summary>
    public static string Normalise(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + (parameter.IsCatchAll ? "*" : "") + parameter.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }
}
