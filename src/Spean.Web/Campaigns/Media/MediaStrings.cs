namespace Spean.Web.Campaigns.Media;

/// <summary>The media pages' strings (MediaStrings.resx and .km.resx beside this file).</summary>
public sealed class MediaStrings;
