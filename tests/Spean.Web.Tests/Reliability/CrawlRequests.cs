using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spean.Web.Tests.Reliability;

/// <summary>Builds the request for a route from the planted values and its OpenAPI operation, and reads any answer back as text.</summary>
internal static class CrawlRequests
{
    /// <summary>Every URL for the route: each combination of its parameters' values; null with the parameter named when one has no value.</summary>
    public static (List<string> Urls, string? Missing) Urls(CrawlRoute route, CrawlContext context)
    {
        var urls = new List<string> { route.Template };
        foreach (var name in route.PathParameters)
        {
            if (context.ValuesFor(route.Template, name) is not { Values: { Count: > 0 } values }) return ([], name);
            urls = [.. urls.SelectMany(url => values.Select(v => url.Replace("{" + name + "}", Uri.EscapeDataString(v), StringComparison.Ordinal)))];
        }
        var query = new List<string>();
        foreach (var parameter in QueryParameters(route))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
            // An optional parameter is sent only when a world gave it for this route (a search needs its words).
            if (context.ValuesFor(route.Template, name) is { Values: { Count: > 0 } values } found && (required || found.ForRoute))
                query.Add(name + "=" + Uri.EscapeDataString(values[0]));
            else if (required) return ([], name);
        }
        return (query.Count == 0 ? urls : [.. urls.Select(u => u + "?" + string.Join("&", query))], null);
    }

    private static IEnumerable<JsonElement> QueryParameters(CrawlRoute route) =>
        route.Operation is { } operation && operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            : [];

    /// <summary>A body shaped as the operation asks (JSON or a form), with harmless values; an empty form for pages and hidden endpoints.</summary>
    public static HttpContent? Body(CrawlRoute route, JsonElement openApi)
    {
        if (route.Operation is not { } operation || !operation.TryGetProperty("requestBody", out var body))
            return route.Method == "GET" || route.Method == "DELETE" ? null : new FormUrlEncodedContent([]);
        var content = body.GetProperty("content");
        if (content.TryGetProperty("application/json", out var json))
            return new StringContent(Sample(json.GetProperty("schema"), openApi, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        if (content.TryGetProperty("multipart/form-data", out var multipart))
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, schema) in Properties(Resolve(multipart.GetProperty("schema"), openApi), openApi))
            {
                if (Resolve(schema, openApi).TryGetProperty("format", out var format) && format.GetString() == "binary")
                {
                    var file = new ByteArrayContent(Spean.Testing.Monitoring.SampleFiles.Jpeg());
                    file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                    form.Add(file, name, "crawl.jpg");
                }
                else form.Add(new StringContent(Sample(schema, openApi, 0)?.ToString() ?? "crawl"), name);
            }
            return form;
        }
        return new FormUrlEncodedContent([]);
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement openApi)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema, JsonElement openApi)
    {
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject()) yield return (property.Name, property.Value);
        foreach (var part in new[] { "allOf", "anyOf", "oneOf" })
            if (schema.TryGetProperty(part, out var parts))
                foreach (var sub in parts.EnumerateArray())
                    foreach (var property in Properties(Resolve(sub, openApi), openApi)) yield return property;
    }

    private static JsonNode? Sample(JsonElement schema, JsonElement openApi, int depth)
    {
        schema = Resolve(schema, openApi);
        if (depth > 5) return null;
        if (schema.TryGetProperty("enum", out var choices)) return JsonNode.Parse(choices.EnumerateArray().First(c => c.ValueKind != JsonValueKind.Null).GetRawText());
        foreach (var part in new[] { "anyOf", "oneOf" })
            if (schema.TryGetProperty(part, out var parts))
                return Sample(parts.EnumerateArray().First(p => !(p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")), openApi, depth + 1);
        var type = !schema.TryGetProperty("type", out var declared) ? "object"
            : declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")
            : declared.GetString();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" => format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2025-03-14",
                "date-time" => "2025-03-14T09:00:00Z",
                _ => "crawl",
            },
            "integer" => 1,
            "number" => 1.5,
            "boolean" => false,
            "array" => schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, openApi, depth + 1)) : new JsonArray(),
            _ => new JsonObject(Properties(schema, openApi).Select(p => KeyValuePair.Create(p.Name, Sample(p.Schema, openApi, depth + 1)))),
        };
    }

    /// <summary>Headers and body as text; every part of a zip (XLSX, DOCX) unpacked, binary files as their bytes, so a canary anywhere shows.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new StringBuilder().Append(response.Headers).Append(response.Content.Headers);
        if (bytes is [0x50, 0x4B, 3, 4, ..])
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                text.Append('\n').Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync());
            }
        }
        else text.Append(Encoding.UTF8.GetString(bytes));
        return text.ToString();
    }
}
