namespace Spean.Web.Submissions.Smart;

/// <summary>The SMART check's page and panel strings (SmartStrings.resx and .km.resx beside it).</summary>
public sealed class SmartStrings;
