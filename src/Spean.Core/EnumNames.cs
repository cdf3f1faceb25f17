namespace Spean.Core;

/// <summary>
/// Reads an enum from the name a person or a script sends. Enum.TryParse would also take "7" or "Public, Restricted"
/// and hand back a value no one named (for a confidentiality level, a hole), so only a name is accepted.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

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
