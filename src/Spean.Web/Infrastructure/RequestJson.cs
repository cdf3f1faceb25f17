using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Spean.Web.Infrastructure;

/// <summary>
/// A request body whose list holds a null item (<c>"tags": [null]</c>) is refused as unreadable, naming the list, rather
/// than reaching a handler that trusts every item to be there: each such list failed as a server error under fuzzing.
/// </summary>
internal static class RequestJson
{
    public static void RefuseNullItems(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var lists = info.Properties
            .Where(p => p.Get is not null && p.PropertyType != typeof(string) && ItemType(p.PropertyType) is { IsValueType: false })
            .ToList();
        if (lists.Count == 0) return;
        var earlier = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var list in lists)
                if (list.Get!(value) is IEnumerable items && items.Cast<object?>().Any(item => item is null))
                    throw new NullItemException(list.Name);
        };
    }

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}

internal sealed class NullItemException(string list) : JsonException($"The list '{list}' holds an empty (null) item: leave it out or give its value.");
