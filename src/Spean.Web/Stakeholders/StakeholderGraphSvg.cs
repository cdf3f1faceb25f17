using System.Globalization;
using System.Net;
using System.Text;
using Spean.Core.Stakeholders.Relationships;

namespace Spean.Web.Stakeholders;

/// <summary>
/// Draws a stakeholder's neighbourhood on the server (as the map is, ADR 0006): the centre in the middle, neighbours one tie
/// away on an inner ring and two ties away on an outer one, ties typed by colour and by dash so they read without colour too.
/// The viewBox is square and small, so the picture fits a 360-px phone; the page lists the same ties for screen readers.
/// </summary>
internal static class StakeholderGraphSvg
{
    public const int MaxNodes = 40;
    private const double Size = 360;
    private const double Centre = Size / 2;

    /// <summary>Colour and dash of each type, used by the picture and its legend.</summary>
    public static readonly IReadOnlyDictionary<RelationshipType, (string Colour, string Dash)> Styles = new Dictionary<RelationshipType, (string, string)>
    {
        [RelationshipType.MemberOf] = ("#1f6f43", ""),
        [RelationshipType.WorksWith] = ("#2456a6", "6 4"),
        [RelationshipType.Funds] = ("#8a5a00", "2 3"),
        [RelationshipType.ReportsTo] = ("#5b3a8c", "10 3 2 3"),
        [RelationshipType.Opposes] = ("#b3261e", "12 4"),
    };

    public static string Render(Neighbourhood around, Func<Guid, string> label, string title)
    {
        var shown = around.Nodes.Take(MaxNodes).ToList();
        var positions = new Dictionary<Guid, (double X, double Y)> { [around.Centre.Id] = (Centre, Centre) };
        foreach (var ring in shown.GroupBy(n => n.Distance))
        {
            var radius = ring.Key == 1 ? (shown.Any(n => n.Distance == 2) ? 95 : 130) : 155;
            var nodes = ring.ToList();
            for (var i = 0; i < nodes.Count; i++)
            {
                var angle = (2 * Math.PI * i / nodes.Count) - (Math.PI / 2) + (ring.Key == 2 ? Math.PI / nodes.Count : 0);
                positions[nodes[i].Node.Id] = (Centre + (radius * Math.Cos(angle)), Centre + (radius * Math.Sin(angle)));
            }
        }
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"stakeholder-graph\" viewBox=\"0 0 {Size} {Size}\" width=\"{Size}\" height=\"{Size}\" role=\"img\" aria-label=\"{Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<defs>");
        foreach (var (type, style) in Styles)
            svg.Append(CultureInfo.InvariantCulture,
                $"<marker id=\"arrow-{type}\" viewBox=\"0 0 10 10\" refX=\"20\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{style.Colour}\"/></marker>");
        svg.Append("</defs>");
        foreach (var edge in around.Edges)
        {
            if (!positions.TryGetValue(edge.FromId, out var from) || !positions.TryGetValue(edge.ToId, out var to)) continue;
            var (colour, dash) = Styles[edge.Type];
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{from.X:0.#}\" y1=\"{from.Y:0.#}\" x2=\"{to.X:0.#}\" y2=\"{to.Y:0.#}\" stroke=\"{colour}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")} marker-end=\"url(#arrow-{edge.Type})\" data-type=\"{edge.Type}\"/>");
        }
        foreach (var (id, (x, y)) in positions)
        {
            var centre = id == around.Centre.Id;
            var name = label(id);
            var shortName = name.Length > 16 ? name[..15] + "…" : name;
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"/stakeholders/{id}\"><title>{Encode(name)}</title>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{(centre ? 9 : 6)}\" fill=\"{(centre ? "#1b1b1b" : "#ffffff")}\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.#}\" y=\"{y + (centre ? 22 : 18):0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1b1b1b\">{Encode(shortName)}</text></a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string LegendLine(RelationshipType type)
    {
        var (colour, dash) = Styles[type];
        return $"<svg width=\"36\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"36\" y2=\"5\" stroke=\"{colour}\" stroke-width=\"3\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/></svg>";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
