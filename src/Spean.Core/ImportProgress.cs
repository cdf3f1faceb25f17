namespace Spean.Core;

/// <summary>How far a long import, restore or check has come, for a progress line in the CLI or the log.</summary>
public sealed record ImportProgress(string Step, int Done, int Total);
