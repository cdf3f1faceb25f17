using System.Globalization;
using System.Net;
using System.Text;
using Spean.Core.Campaigns;

namespace Spean.Web.Campaigns;

/// <summary>
/// An indicator's measurements as a line over time, with its baseline and target as dashed lines, drawn on the server
/// (ADR 0006: no script, readable on a cheap phone). The values are also listed in a table beside it for screen readers.
/// </summary>
internal static class IndicatorChart
{
    private const int Width = 360, Height = 200, Left = 44, Right = 12, Top = 14, Bottom = 30;

    public static string Svg(Indicator indicator, string title, string baselineLabel, string targetLabel)
    {
        var points = indicator.Measurements.OrderBy(m => m.Date).ToList();
        var values = points.Select(p => p.Value).Append(indicator.Baseline).Append(indicator.Target).ToList();
        var (min, max) = (Math.Min(0, values.Min()), values.Max());
        if (max == min) max = min + 1;
        var first = points.Count > 0 ? points[0].Date.DayNumber : 0;
        var last = points.Count > 1 ? points[^1].Date.DayNumber : first + 1;
        double X(int day) => Left + (day - first) * (Width - Left - Right) / (double)Math.Max(1, last - first);
        double Y(decimal v) => Top + (double)((max - v) / (max - min)) * (Height - Top - Bottom);
        var svg = new StringBuilder();
        svg.Append(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"indicator-chart\" role=\"img\" aria-label=\"{E(title)}\" font-size=\"11\" font-family=\"'Noto Sans Khmer', sans-serif\">"));
        svg.Append(I($"<title>{E(title)}</title><rect width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>"));
        svg.Append(I($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#999\"/>"));
        foreach (var (value, label, colour) in new[] { (indicator.Baseline, baselineLabel, "#E69F00"), (indicator.Target, targetLabel, "#009E73") })
        {
            var y = Y(value);
            svg.Append(I($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>"));
            svg.Append(I($"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Number(value)}</text>"));
            svg.Append(I($"<text x=\"{Width - Right}\" y=\"{y - 3:0.#}\" text-anchor=\"end\" fill=\"{colour}\">{E(label)}</text>"));
        }
        if (points.Count > 0)
        {
            var path = string.Join(" ", points.Select(p => I($"{X(p.Date.DayNumber):0.#},{Y(p.Value):0.#}")));
            svg.Append(I($"<polyline points=\"{path}\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>"));
            foreach (var p in points)
                svg.Append(I($"<circle cx=\"{X(p.Date.DayNumber):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"3\" fill=\"#0072B2\"><title>{p.Date:yyyy-MM-dd}: {Number(p.Value)}</title></circle>"));
            svg.Append(I($"<text x=\"{Left}\" y=\"{Height - 10}\">{points[0].Date:yyyy-MM-dd}</text>"));
            if (points.Count > 1) svg.Append(I($"<text x=\"{Width - Right}\" y=\"{Height - 10}\" text-anchor=\"end\">{points[^1].Date:yyyy-MM-dd}</text>"));
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
