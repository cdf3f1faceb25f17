namespace Spean.Core;

/// <summary>
/// Why something was not done: a stable code (an enum value, so pages can say it in the reader's language
/// from the resource "EnumName.Value"), the English sentence API clients get, and the values it names.
/// </summary>
public sealed record Refusal(Enum Code, string Message, params object[] Arguments)
{
    /// <summary>The input field at fault ("title", "readerIds"), where a form refuses field by field.</summary>
    public string? Field { get; init; }
}
