using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spean.Core;

namespace Spean.Web.Infrastructure;

/// <summary>
/// A request body whose list holds a null item (<c>"tags": [null]</c>) is refused as unreadable, naming the list, rather
/// than reaching a handler that trusts every item to be there: each such list failed as a server error under fuzzing.
/// So is text holding a NUL character (<c>\u0000</c>): PostgreSQL cannot store it (each such field failed as a server
/// error there, where SQLite kept it), and no one writes it on purpose. Both are checked once the object is read, not by
/// a converter, so the OpenAPI document still describes every field's type.
/// </summary>
internal static class RequestJson
{
    public static void RefuseNulText(JsonTypeInfo info) => CheckOnceRead(info,
        p => p.PropertyType == typeof(string) || ItemType(p.PropertyType) == typeof(string),
        value => value switch { string one => NulText.In(one), IEnumerable<string?> items => NulText.InAny(items), _ => false },
        name => new NulTextException(name));

    public static void RefuseNullItems(JsonTypeInfo info) => CheckOnceRead(info,
        p => p.PropertyType != typeof(string) && ItemType(p.PropertyType) is { IsValueType: false },
        value => value is IEnumerable items && items.Cast<object?>().Any(item => item is null),
        name => new NullItemException(name));

    /// <summary>After an object is read, throws <paramref name="refusal"/> for the first chosen property whose value is refused.</summary>
    private static void CheckOnceRead(JsonTypeInfo info, Func<JsonPropertyInfo, bool> chosen, Func<object?, bool> refused, Func<string, JsonException> refusal)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var properties = info.Properties.Where(p => p.Get is not null && chosen(p)).ToList();
        if (properties.Count == 0) return;
        var earlier = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var property in properties)
                if (refused(property.Get!(value))) throw refusal(property.Name);
        };
    }


    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}

internal sealed class NullItemException(string list) : JsonException($"The list '{list}' holds an empty (null) item: leave it out or give its value.");

internal sealed class NulTextException(string field) : JsonException($"The text '{field}' holds a NUL character (\\u0000), which cannot be stored: remove it.");
