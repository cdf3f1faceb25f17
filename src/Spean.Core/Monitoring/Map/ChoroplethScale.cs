namespace Spean.Core.Monitoring.Map;

internal sealed record ChoroplethClass(int From, int To, string Colour)
{
    public bool Contains(int count) => count >= From && count <= To;
}

/// <summary>
/// A "0" class and five equal-width classes up to the largest count. ColorBrewer's YlGnBu, a sequential
/// scheme that stays readable for the common kinds of colour blindness and in greyscale.
/// </summary>
internal sealed class ChoroplethScale
{
    private static readonly string[] Colours = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
    public const string ZeroColour = "#f0f0f0";

    public IReadOnlyList<ChoroplethClass> Classes { get; }

    public ChoroplethScale(int max)
    {
        var classes = new List<ChoroplethClass> { new(0, 0, ZeroColour) };
        for (var i = 1; i <= Colours.Length; i++)
        {
            // Never narrower than one count, so five distinct classes exist even when the largest count is small.
            var to = Math.Max(i, (int)Math.Ceiling(max * i / (double)Colours.Length));
            classes.Add(new ChoroplethClass(classes[^1].To + 1, to, Colours[i - 1]));
        }
        Classes = classes;
    }

    public ChoroplethClass ClassOf(int count) => Classes.FirstOrDefault(c => c.Contains(count)) ?? Classes[^1];
}
