using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Monitoring.Map;

/// <summary>
/// How many reports each province holds, by gazetteer province code ("01" … "25"); absent means none. Reports located
/// in other countries are counted apart, by alpha-3 code: the map draws Cambodia only.
/// </summary>
internal sealed class ProvinceCounts
{
    private readonly Dictionary<string, int> byCode;

    public ProvinceCounts(IReadOnlyDictionary<string, int> byPlace)
    {
        byCode = byPlace.Where(p => !ReportPlaces.IsCountryCode(p.Key)).ToDictionary();
        Abroad = byPlace.Where(p => ReportPlaces.IsCountryCode(p.Key)).ToDictionary();
    }

    public static ProvinceCounts None { get; } = new(new Dictionary<string, int>());

    public int this[string code] => byCode.GetValueOrDefault(code);

    public int Max => byCode.Count == 0 ? 0 : byCode.Values.Max();

    public IReadOnlyDictionary<string, int> Abroad { get; }
}
