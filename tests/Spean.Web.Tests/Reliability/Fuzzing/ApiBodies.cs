using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spean.Core.Tests.Fuzzing;

namespace Spean.Web.Tests.Reliability.Fuzzing;

/// <summary>One request body to send and the query string to send it with, with what was done to them (printed when the answer is wrong).</summary>
internal sealed record FuzzBody(string What, Func<HttpContent?> Content, string Query = "");

/// <summary>
/// Makes request bodies for one OpenAPI operation: a valid-shaped body from its schema, then that body broken in the ways
/// clients and attackers break them — wrong types, null, a required field missing, an unknown enum name, numbers out of
/// range, a 100,000-character string, deep nesting, invalid UTF-8, an empty body, the wrong content type, duplicate keys,
/// truncated JSON and random byte edits. Files in a form are real samples, mutated. Query strings are made and broken
/// the same way, one parameter at a time.
/// </summary>
internal sealed class ApiBodies(JsonElement openApi, Random random)
{
    private static readonly JsonNode[] Wrong = [JsonValue.Create("fuzz")!, JsonValue.Create(-1)!, JsonValue.Create(2147483648L)!, JsonValue.Create(1e300)!,
        JsonValue.Create(true)!, new JsonArray(), new JsonObject(), JsonValue.Create("00000000-0000-0000-0000-000000000000")!, JsonValue.Create("9999-99-99")!,
        JsonValue.Create("")!, JsonValue.Create("ព្រះរាជាណាចក្រកម្ពុជា")!, JsonValue.Create("\u0000\uFEFF")!];

    private static readonly string[] WrongShapes = ["[]", "null", "\"text\"", "42", "{\"a\":{\"b\":[1,{\"c\":null}]}}"];

    // Sent as they are, unescaped: NUL, a bad escape, invalid UTF-8, a cut Khmer letter, a lone surrogate.
    private static readonly string[] RawQueryValues = ["%00", "fuzz%00fuzz", "%ZZ", "%", "%C3%28", "%E1%9E", "%ED%A0%80", "%FF%FE", "a+b&", "=="];

    private static readonly string[] WrongTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"];

    public IEnumerable<FuzzBody> For(JsonElement requestBody, int count, Func<string, byte[][]> files)
    {
        var content = requestBody.GetProperty("content");
        if (content.TryGetProperty("application/json", out var json))
            return Json(json.GetProperty("schema"), count);
        if (content.TryGetProperty("multipart/form-data", out var multipart) || content.TryGetProperty("application/x-www-form-urlencoded", out multipart))
            return Form(Resolve(multipart.GetProperty("schema")), count, files);
        return [];
    }

    /// <summary>Query strings for an operation's query parameters: valid-shaped ones (each optional parameter sent or not), then one parameter broken.</summary>
    public IEnumerable<FuzzBody> Queries(JsonElement operation, int count, Func<string, byte[][]> files)
    {
        var parameters = operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => (Name: p.GetProperty("name").GetString()!, Schema: p.GetProperty("schema"), Required: p.TryGetProperty("required", out var r) && r.GetBoolean()))
            .ToList();
        Func<HttpContent?> body = operation.TryGetProperty("requestBody", out var requestBody) ? For(requestBody, 1, files).First().Content : () => null;
        for (var i = 0; i < count; i++)
        {
            var broken = i == 0 ? -1 : random.Next(parameters.Count + 1);
            var how = random.Next(6);
            var pairs = new List<string>();
            for (var p = 0; p < parameters.Count; p++)
            {
                var (name, schema, required) = parameters[p];
                var key = Uri.EscapeDataString(name);
                if (p != broken)
                {
                    if (required || random.Next(2) == 0) pairs.AddRange(QueryValues(Sample(schema, 0)).Select(v => key + "=" + Uri.EscapeDataString(v)));
                    continue;
                }
                switch (how)
                {
                    case 0: break;
                    case 1: pairs.Add(key + "="); break;
                    case 2: pairs.Add(key + "=" + Uri.EscapeDataString(Wrong[random.Next(Wrong.Length)].ToString())); break;
                    case 3: pairs.Add(key + "=" + Uri.EscapeDataString(new string('ក', 5_000))); break;
                    case 4: pairs.Add(key + "=" + RawQueryValues[random.Next(RawQueryValues.Length)]); break;
                    default: pairs.AddRange([key + "=fuzz", key + "=" + Uri.EscapeDataString(Wrong[random.Next(Wrong.Length)].ToString())]); break;
                }
            }
            if (broken == parameters.Count) pairs.Add("unknown=%00");
            var what = broken < 0 ? "valid query" : broken == parameters.Count ? "query with an unknown parameter" : $"query with {parameters[broken].Name} broken ({how})";
            yield return new(what, body, pairs.Count == 0 ? "" : "?" + string.Join("&", pairs));
        }
    }

    /// <summary>A sampled value as query values: an array is its items, each its own parameter.</summary>
    private static IEnumerable<string> QueryValues(JsonNode? value) => value switch
    {
        null => [],
        JsonArray items => items.Select(item => item?.ToString() ?? ""),
        _ => [value.ToString()],
    };

    private IEnumerable<FuzzBody> Json(JsonElement schema, int count)
    {
        var mutator = new Mutator(random.Next(), [Encoding.UTF8.GetBytes(Sample(schema, 0)?.ToJsonString() ?? "{}")], ["{", "}", "[", "]", ":", "\"", ",", "null", "\\u0000", "\\ud800"], 200_000);
        yield return new("valid", () => JsonContent(Sample(schema, 0)));
        for (var i = 1; i < count; i++)
        {
            var body = Sample(schema, 0);
            var paths = Paths(body, "$").ToList();
            var (target, path) = paths.Count > 0 ? paths[random.Next(paths.Count)] : (null, "$");
            var kind = random.Next(14);
            switch (kind)
            {
                case 0 when target is not null:
                    Replace(body, target, Wrong[random.Next(Wrong.Length)].DeepClone());
                    yield return new($"wrong type at {path}", Snapshot(body));
                    break;
                case 1 when target is not null:
                    Replace(body, target, null);
                    yield return new($"null at {path}", Snapshot(body));
                    break;
                case 2 when target?.Parent is JsonObject parent:
                    parent.Remove(target.GetPropertyName());
                    yield return new($"missing {path}", Snapshot(body));
                    break;
                case 3 when target is not null:
                    Replace(body, target, JsonValue.Create("NoSuchChoice"));
                    yield return new($"unknown name at {path}", Snapshot(body));
                    break;
                case 4 when target is not null:
                    Replace(body, target, JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : -2147483649L));
                    yield return new($"number out of range at {path}", Snapshot(body));
                    break;
                case 5 when target is not null:
                    Replace(body, target, JsonValue.Create(new string('ក', 100_000)));
                    yield return new($"100,000 characters at {path}", Snapshot(body));
                    break;
                case 6:
                    var depth = random.Next(2) == 0 ? 70 : 5000;
                    var nested = new string('[', depth) + new string(']', depth);
                    var text = body is JsonObject o && o.Count > 0 ? body.ToJsonString().Insert(body.ToJsonString().IndexOf(':', StringComparison.Ordinal) + 1, nested + ",\"x\":") : nested;
                    yield return new($"nesting {depth} deep", () => Raw(Encoding.UTF8.GetBytes(text), "application/json"));
                    break;
                case 7:
                    var bytes = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "{}");
                    var quote = Array.IndexOf(bytes, (byte)'"', Math.Min(bytes.Length - 1, 2));
                    byte[] invalid = quote < 0 ? [0xC3, 0x28] : [.. bytes[..(quote + 1)], 0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80, .. bytes[(quote + 1)..]];
                    yield return new("invalid UTF-8", () => Raw(invalid, "application/json"));
                    break;
                case 8:
                    yield return new("empty body", () => Raw([], "application/json"));
                    break;
                case 9:
                    var wrongType = WrongTypes[random.Next(WrongTypes.Length)];
                    var sent = body?.ToJsonString() ?? "{}";
                    yield return new($"content type {wrongType}", () => Raw(Encoding.UTF8.GetBytes(sent), wrongType));
                    break;
                case 10 when body is JsonObject duplicated && duplicated.Count > 0:
                    var first = duplicated.First();
                    var doubled = duplicated.ToJsonString().TrimEnd('}') + $",\"{first.Key}\":{Wrong[random.Next(Wrong.Length)].ToJsonString()}}}";
                    yield return new($"duplicate key {first.Key}", () => Raw(Encoding.UTF8.GetBytes(doubled), "application/json"));
                    break;
                case 11:
                    var whole = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "{}");
                    var cut = whole[..random.Next(whole.Length)];
                    yield return new("truncated JSON", () => Raw(cut, "application/json"));
                    break;
                case 12:
                    var shape = WrongShapes[random.Next(WrongShapes.Length)];
                    yield return new("JSON of the wrong shape", () => Raw(Encoding.UTF8.GetBytes(shape), "application/json"));
                    break;
                default:
                    var mutated = mutator.Next();
                    yield return new("random edits of the valid body", () => Raw(mutated, "application/json"));
                    break;
            }
        }
    }

    private IEnumerable<FuzzBody> Form(JsonElement schema, int count, Func<string, byte[][]> files)
    {
        var fields = Properties(schema).ToList();
        for (var i = 0; i < count; i++)
        {
            var broken = i == 0 ? -1 : random.Next(fields.Count + 1);
            var how = random.Next(4);
            var parts = new List<(string Name, byte[] Value, string? FileName, string? Type)>();
            for (var f = 0; f < fields.Count; f++)
            {
                var (name, property) = fields[f];
                var resolved = Resolve(property);
                var isFile = resolved.TryGetProperty("format", out var format) && format.GetString() == "binary";
                if (f == broken && how == 0) continue;
                if (isFile)
                {
                    var seeds = files(name);
                    var file = i == 0 || f != broken ? seeds[random.Next(seeds.Length)] : new Mutator(random.Next(), seeds, [], 256 * 1024).Next();
                    parts.Add((name, how == 1 && f == broken ? [] : file, f == broken && how == 2 ? new string('x', 5000) + ".csv" : "fuzz.csv", "application/octet-stream"));
                }
                else
                {
                    var value = f == broken
                        ? how switch { 1 => "", 2 => new string('ក', 100_000), _ => Wrong[random.Next(Wrong.Length)].ToString() }
                        : Sample(property, 0)?.ToString() ?? "fuzz";
                    parts.Add((name, Encoding.UTF8.GetBytes(value), null, null));
                }
            }
            var what = broken < 0 ? "valid form" : broken == fields.Count ? "form with an unknown field" : $"form with {fields[broken].Name} broken ({how})";
            if (broken == fields.Count) parts.Add(("unknown", "x"u8.ToArray(), null, null));
            yield return new(what, () =>
            {
                var form = new MultipartFormDataContent();
                foreach (var (name, value, fileName, type) in parts)
                {
                    var part = new ByteArrayContent(value);
                    if (type is not null) part.Headers.ContentType = new MediaTypeHeaderValue(type);
                    if (fileName is null) form.Add(part, name);
                    else form.Add(part, name, fileName);
                }
                return form;
            });
        }
    }

    private static Func<HttpContent?> Snapshot(JsonNode? body)
    {
        var text = body?.ToJsonString() ?? "null";
        return () => Raw(Encoding.UTF8.GetBytes(text), "application/json");
    }

    private static ByteArrayContent JsonContent(JsonNode? body) => Raw(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), "application/json");

    private static ByteArrayContent Raw(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static void Replace(JsonNode? root, JsonNode target, JsonNode? with)
    {
        switch (target.Parent)
        {
            case JsonObject parent: parent[target.GetPropertyName()] = with; break;
            case JsonArray array: array[target.GetElementIndex()] = with; break;
        }
    }

    private static IEnumerable<(JsonNode Node, string Path)> Paths(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (value is not null) yield return (value, path + "." + key);
                    foreach (var inner in Paths(value, path + "." + key)) yield return inner;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item) yield return (item, $"{path}[{i}]");
                    foreach (var inner in Paths(a[i], $"{path}[{i}]")) yield return inner;
                }
                break;
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    private IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject()) yield return (property.Name, property.Value);
        foreach (var part in new[] { "allOf", "anyOf", "oneOf" })
            if (schema.TryGetProperty(part, out var parts))
                foreach (var sub in parts.EnumerateArray())
                    foreach (var property in Properties(Resolve(sub))) yield return property;
    }

    /// <summary>A valid-shaped value: each enum a random one of its names, strings and numbers plausible, arrays of one or two items.</summary>
    private JsonNode? Sample(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (depth > 6) return null;
        if (schema.TryGetProperty("enum", out var choices))
        {
            var named = choices.EnumerateArray().Where(c => c.ValueKind != JsonValueKind.Null).ToList();
            return named.Count == 0 ? null : JsonNode.Parse(named[random.Next(named.Count)].GetRawText());
        }
        foreach (var part in new[] { "anyOf", "oneOf" })
            if (schema.TryGetProperty(part, out var parts))
            {
                var options = parts.EnumerateArray().Where(p => !(p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
                return options.Count == 0 ? null : Sample(options[random.Next(options.Count)], depth + 1);
            }
        var type = !schema.TryGetProperty("type", out var declared) ? "object"
            : declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")
            : declared.GetString();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" => format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2026-03-14",
                "date-time" => "2026-03-14T09:00:00Z",
                _ => random.Next(3) == 0 ? "ការតាមដាន fuzz" : "fuzz",
            },
            "integer" => random.Next(1, 5),
            "number" => 1.5,
            "boolean" => random.Next(2) == 0,
            "array" => schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, depth + 1)) : new JsonArray(),
            _ => new JsonObject(Properties(schema).Select(p => KeyValuePair.Create(p.Name, Sample(p.Schema, depth + 1)))),
        };
    }
}
