namespace Spean.Web.Submissions;

/// <summary>The Submissions pages' strings, in SubmissionsStrings.resx and .km.resx beside it.</summary>
public sealed class SubmissionsStrings;
