namespace Spean.Core;

/// <summary>
/// The resource names pages say an enum's values by ("Report.Status" → "Report.Status.Draft"), so a refusal that names
/// such a value is said in the reader's language without the shared web code knowing the module that owns the enum.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class LabelPrefixAttribute(string prefix) : Attribute
{
    public string Prefix { get; } = prefix;
}
