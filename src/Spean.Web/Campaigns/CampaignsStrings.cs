namespace Spean.Web.Campaigns;

/// <summary>The Campaigns pages' strings (CampaignsStrings.resx and .km.resx beside this file).</summary>
public sealed class CampaignsStrings;
