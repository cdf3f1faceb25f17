namespace Spean.Web;

/// <summary>Marker for the shared resource files Resources/Strings.resx and Strings.km.resx.</summary>
public sealed class Strings;
