namespace Spean.Web.Home;

/// <summary>The home page's own strings (HomeStrings.resx and .km.resx beside it).</summary>
internal sealed class HomeStrings;
