using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Spean.Core.Recommendations;

namespace Spean.Web.Recommendations.Statistics;

public enum ChartKind
{
    Bar,
    Stacked,
    Line,
}

/// <summary>
/// Draws a cross table as a self-contained SVG: the page shows it inline and the same text downloads as a file.
/// Bars run sideways so long names (countries, issues) stay readable on a phone. Past <see cref="MaxRows"/> rows a chart
/// can no longer be read, so it draws the largest (a line: the first) and says so; the table and the CSV hold every row.
/// </summary>
public static class StatisticsChart
{
    public const int MaxRows = 40;
    private const int Width = 760, Left = 190, Right = 20, Top = 16, Band = 26, LegendRow = 20;

    // Okabe–Ito: told apart by people with the common colour-vision deficiencies.
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>What the reader is told when the chart leaves rows out, in their language; null when it draws them all.</summary>
    public static string? Omission(CrossTable table, ChartKind kind, IStringLocalizer localizer) =>
        table.RowKeys.Count <= MaxRows ? null
            : string.Format(CultureInfo.CurrentCulture, localizer[kind == ChartKind.Line ? "Chart.FirstRows" : "Chart.LargestRows"], MaxRows, table.RowKeys.Count);

    /// <param name="note">Written under the chart, for a file that travels without the page around it.</param>
    public static string Svg(CrossTable table, ChartKind kind, Func<string, string> rowLabel, Func<string, string> columnLabel, string title,
        string? note = null)
    {
        var rows = kind == ChartKind.Line
            ? table.RowKeys.Take(MaxRows).ToList()
            : table.RowKeys.OrderByDescending(table.RowTotal).Take(MaxRows).ToList();
        var columns = table.ColumnKeys.ToList();
        var legendHeight = (columns.Count + 2) / 3 * LegendRow;
        var plotTop = Top + legendHeight + 8;
        var plotHeight = kind == ChartKind.Line ? 300 : Math.Max(1, rows.Count) * Band;
        var height = plotTop + plotHeight + 40;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"'Noto Sans Khmer', 'Khmer OS', sans-serif\" font-size=\"12\">"));
        svg.Append(Invariant($"<title>{Escape(title)}</title><rect width=\"{Width}\" height=\"{height}\" fill=\"#fff\"/>"));
        for (var i = 0; i < columns.Count; i++)
        {
            var (x, y) = (Left + i % 3 * 180, Top + i / 3 * LegendRow);
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{Colour(i)}\"/><text x=\"{x + 18}\" y=\"{y + 11}\">{Escape(columnLabel(columns[i]))}</text>"));
        }
        if (kind == ChartKind.Line) Lines(svg, table, rows, columns, rowLabel, plotTop, plotHeight);
        else Bars(svg, table, rows, columns, rowLabel, plotTop, stacked: kind == ChartKind.Stacked);
        if (note is not null) svg.Append(Invariant($"<text x=\"10\" y=\"{height - 6}\" fill=\"#555\">{Escape(note)}</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Bars(StringBuilder svg, CrossTable table, List<string> rows, List<string> columns, Func<string, string> rowLabel,
        int plotTop, bool stacked)
    {
        var max = Math.Max(1, rows.Select(r => stacked ? table.RowTotal(r) : columns.Max(c => table.Count(r, c))).DefaultIfEmpty(1).Max());
        var scale = (Width - Left - Right - 40) / (double)max;
        for (var i = 0; i < rows.Count; i++)
        {
            var y = plotTop + i * Band;
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + Band / 2 + 4}\" text-anchor=\"end\">{Escape(Shorten(rowLabel(rows[i])))}</text>"));
            double x = Left;
            var barHeight = stacked ? Band - 6.0 : (Band - 6.0) / columns.Count;
            for (var j = 0; j < columns.Count; j++)
            {
                var count = table.Count(rows[i], columns[j]);
                var w = count * scale;
                var barY = stacked ? y + 3 : y + 3 + j * barHeight;
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{barY:0.#}\" width=\"{w:0.#}\" height=\"{barHeight:0.#}\" fill=\"{Colour(j)}\"><title>{Escape(rowLabel(rows[i]))}: {count} ({table.RowPercent(rows[i], columns[j])} %)</title></rect>"));
                if (stacked) x += w;
            }
            var end = stacked ? x : Left + columns.Max(c => table.Count(rows[i], c)) * scale;
            svg.Append(Invariant($"<text x=\"{end + 4:0.#}\" y=\"{y + Band / 2 + 4}\">{table.RowTotal(rows[i])}</text>"));
        }
    }

    private static void Lines(StringBuilder svg, CrossTable table, List<string> rows, List<string> columns, Func<string, string> rowLabel,
        int plotTop, int plotHeight)
    {
        var max = Math.Max(1, rows.SelectMany(r => columns.Select(c => table.Count(r, c))).DefaultIfEmpty(1).Max());
        var step = rows.Count > 1 ? (Width - Left - Right) / (double)(rows.Count - 1) : 0;
        double X(int i) => Left + i * step;
        double Y(int count) => plotTop + plotHeight - count * plotHeight / (double)max;
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{plotTop + plotHeight}\" x2=\"{Width - Right}\" y2=\"{plotTop + plotHeight}\" stroke=\"#999\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{plotTop + 4}\" text-anchor=\"end\">{max}</text><text x=\"{Left - 6}\" y=\"{plotTop + plotHeight}\" text-anchor=\"end\">0</text>"));
        for (var i = 0; i < rows.Count; i++)
            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{plotTop + plotHeight + 16}\" text-anchor=\"middle\">{Escape(Shorten(rowLabel(rows[i]), 12))}</text>"));
        for (var j = 0; j < columns.Count; j++)
        {
            var points = string.Join(' ', rows.Select((r, i) => Invariant($"{X(i):0.#},{Y(table.Count(r, columns[j])):0.#}")));
            svg.Append(Invariant($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{Colour(j)}\" stroke-width=\"2\"/>"));
            for (var i = 0; i < rows.Count; i++)
                svg.Append(Invariant($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(table.Count(rows[i], columns[j])):0.#}\" r=\"3\" fill=\"{Colour(j)}\"><title>{Escape(rowLabel(rows[i]))}: {table.Count(rows[i], columns[j])}</title></circle>"));
        }
    }

    private static string Colour(int i) => Colours[i % Colours.Length];

    private static string Shorten(string text, int max = 28)
    {
        if (text.Length <= max) return text;
        // Cut between syllables: a Khmer vowel sign left without its consonant, or a subscript sign (coeng) without
        // the consonant it carries, would draw as a broken letter.
        var cut = max - 1;
        while (cut > 1 && (IsMark(text[cut]) || text[cut - 1] == Coeng)) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private const char Coeng = '\u17D2';

    private static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
