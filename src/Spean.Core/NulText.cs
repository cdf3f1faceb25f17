namespace Spean.Core;

/// <summary>
/// Text holding a NUL character (<c>\u0000</c>): PostgreSQL cannot store it and no one types it, so every way in
/// (JSON, forms, query strings, imported rows) refuses it with a reason rather than failing at the database.
/// </summary>
public static class NulText
{
    public static bool In(string? text) => text?.Contains('\0', StringComparison.Ordinal) == true;

    public static bool InAny(IEnumerable<string?>? texts) => texts?.Any(In) == true;
}
