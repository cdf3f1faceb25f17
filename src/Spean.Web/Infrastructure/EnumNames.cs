namespace Spean.Web.Infrastructure;

/// <summary>Reads an enum from the name a person or a script sends; a bare number is refused, since Enum.TryParse would take any.</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && !int.TryParse(text, out _);

    /// <returns>False only when a text was given and names no value; null text gives a null value.</returns>
    public static bool TryParseOptional<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (text is null) return true;
        if (!TryParse<T>(text, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
