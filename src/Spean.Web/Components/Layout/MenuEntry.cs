namespace Spean.Web.Components.Layout;

/// <summary>A link in the main navigation, contributed by the module whose page it opens, so the layout names no module.</summary>
/// <param name="Order">Where the link stands, lowest first; the links of today are 10 apart so a new one fits between.</param>
/// <param name="Label">The resource name of the link's text, in English and Khmer.</param>
/// <param name="Policy">The authorisation policy a reader needs to see the link; none shows it to everyone.</param>
/// <param name="Strings">The resource marker type that holds <paramref name="Label"/>: a module's own strings, or the shared Strings when none.</param>
public sealed record MenuEntry(int Order, string Href, string Label, string? Policy = null, Type? Strings = null);

public static class MenuEntries
{
    public static IServiceCollection AddMenuEntry(this IServiceCollection services, MenuEntry entry) => services.AddSingleton(entry);
}
