namespace Spean.Core.Monitoring.Map;

/// <summary>How many reports each province holds, by gazetteer province code ("01" … "25"); absent means none.</summary>
internal sealed class ProvinceCounts(IReadOnlyDictionary<string, int> byCode)
{
    public static ProvinceCounts None { get; } = new(new Dictionary<string, int>());

    public int this[string code] => byCode.GetValueOrDefault(code);

    public int Max => byCode.Count == 0 ? 0 : byCode.Values.Max();
}
