using System.Globalization;
using System.Text;

namespace Spean.Core.Monitoring.Map;

/// <summary>
/// Writes rings as compact SVG path data: positions rounded to a hundredth of a pixel, relative moves,
/// and optionally points closer than <c>minStep</c> pixels to the last one dropped.
/// </summary>
internal static class SvgPath
{
    public static void AppendRing(StringBuilder d, IEnumerable<(double X, double Y)> ring, double minStep = 0)
    {
        var min = (long)Math.Round(minStep * 100);
        (long X, long Y)? last = null;
        var steps = 0;
        foreach (var (x, y) in ring)
        {
            var point = ((long)Math.Round(x * 100), (long)Math.Round(y * 100));
            if (last is not { } previous)
            {
                d.Append('M');
                AppendNumber(d, point.Item1, first: true);
                AppendNumber(d, point.Item2, first: false);
            }
            else
            {
                var (dx, dy) = (point.Item1 - previous.X, point.Item2 - previous.Y);
                if ((dx == 0 && dy == 0) || Math.Max(Math.Abs(dx), Math.Abs(dy)) < min) continue;
                // "l" only before a first step: a bare "l" would be an error that stops the rest of the path drawing.
                if (steps++ == 0) d.Append('l');
                AppendNumber(d, dx, first: steps == 1);
                AppendNumber(d, dy, first: false);
            }
            last = point;
        }
        d.Append('z');
    }

    /// <summary>A number of hundredths; a minus sign already separates it from the number before.</summary>
    private static void AppendNumber(StringBuilder d, long hundredths, bool first)
    {
        if (!first && hundredths >= 0) d.Append(' ');
        d.Append(Format(hundredths));
    }

    public static string Format(long hundredths)
    {
        var text = (hundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture);
        return text.StartsWith("0.", StringComparison.Ordinal) ? text[1..]
            : text.StartsWith("-0.", StringComparison.Ordinal) ? "-" + text[2..]
            : text;
    }

    public static string Format(double value) => Format((long)Math.Round(value * 100));
}
