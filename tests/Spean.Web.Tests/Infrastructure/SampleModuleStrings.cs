namespace Spean.Web.Tests.Infrastructure;

/// <summary>A module's own strings, kept beside it (SampleModuleStrings.resx and .km.resx) rather than in the shared Strings.resx.</summary>
public sealed class SampleModuleStrings;
