using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;
using Spean.Core.Recommendations.Search.Upr;

namespace Spean.Search.Bench;

/// <summary>The fixed query mix: 48 text queries and filter pairs drawn with a fixed seed from real rows.</summary>
internal static class Workload
{
    public static readonly string[] CountFields =
        ["sur", "recommending", "surGroup", "recommendingGroup", "session", "response", "action", "issue"];

    public static readonly string[] TextQueries =
    [
        "human", "rights", "women", "ensure", "continue", "human rights", "children", "torture",
        "the", "and", "of", "ratify", "education", "violence", "discrimination", "protect",
        "\"human rights\"", "\"rights of the child\"", "\"human rights defenders\"", "\"violence against women\"",
        "\"national human rights institution\"", "\"freedom of expression\"", "\"continue to\"", "\"take measures\"",
        "torture NOT death", "women -violence", "rights NOT human", "children NOT education",
        "ensure -women -children", "NOT rights", "discriminat*", "educat*",
        "tortur*", "journalis*", "protect* women", "ratif* convention",
        "torture OR trafficking", "(women OR girls) AND violence", "\"death penalty\" OR execution*", "(child OR children) -labour",
        "indigenous peoples land", "freedom expression journalists", "human rights education training", "ensure continue strengthen",
        "\"human rights\" -\"human rights council\"", "refugee* asylum", "corruption justice", "disabilit* \"persons with\"",
    ];

    /// <summary>
    /// <see cref="TextQueries"/> in SQLite FTS5 MATCH syntax and PostgreSQL to_tsquery syntax, in the same order.
    /// FTS5 has no "-word" and no query that is only a negation: "!" before an FTS5 query means the rows it does not match.
    /// </summary>
    public static readonly (string Fts5, string TsQuery)[] SqlTextQueries =
    [
        ("human", "human"), ("rights", "rights"), ("women", "women"), ("ensure", "ensure"),
        ("continue", "continue"), ("human rights", "human & rights"), ("children", "children"), ("torture", "torture"),
        ("the", "the"), ("and", "and"), ("of", "of"), ("ratify", "ratify"),
        ("education", "education"), ("violence", "violence"), ("discrimination", "discrimination"), ("protect", "protect"),
        ("\"human rights\"", "human <-> rights"), ("\"rights of the child\"", "rights <-> of <-> the <-> child"),
        ("\"human rights defenders\"", "human <-> rights <-> defenders"), ("\"violence against women\"", "violence <-> against <-> women"),
        ("\"national human rights institution\"", "national <-> human <-> rights <-> institution"), ("\"freedom of expression\"", "freedom <-> of <-> expression"),
        ("\"continue to\"", "continue <-> to"), ("\"take measures\"", "take <-> measures"),
        ("torture NOT death", "torture & !death"), ("women NOT violence", "women & !violence"),
        ("rights NOT human", "rights & !human"), ("children NOT education", "children & !education"),
        ("ensure NOT women NOT children", "ensure & !women & !children"), ("!rights", "!rights"),
        ("discriminat*", "discriminat:*"), ("educat*", "educat:*"),
        ("tortur*", "tortur:*"), ("journalis*", "journalis:*"), ("protect* women", "protect:* & women"), ("ratif* convention", "ratif:* & convention"),
        ("torture OR trafficking", "torture | trafficking"), ("(women OR girls) AND violence", "(women | girls) & violence"),
        ("\"death penalty\" OR execution*", "(death <-> penalty) | execution:*"), ("(child OR children) NOT labour", "(child | children) & !labour"),
        ("indigenous peoples land", "indigenous & peoples & land"), ("freedom expression journalists", "freedom & expression & journalists"),
        ("human rights education training", "human & rights & education & training"), ("ensure continue strengthen", "ensure & continue & strengthen"),
        ("\"human rights\" NOT \"human rights council\"", "(human <-> rights) & !(human <-> rights <-> council)"), ("refugee* asylum", "refugee:* & asylum"),
        ("corruption justice", "corruption & justice"), ("disabilit* \"persons with\"", "disabilit:* & (persons <-> with)"),
    ];

    /// <summary>Worst cases, run without filters: not part of the targets, shown so their cost is known.</summary>
    public static readonly string[] StressQueries =
    [
        "the", "th*", "the OR and OR of", "\"of the\"", "NOT the", "\"to the\" -\"of the\"", "co* pr* re*", "rights OR human OR women OR ensure",
    ];

    public static List<(string Field, string[] Values)[]> FilterPairs(IReadOnlyList<UprInfoRow> rows, int count, int seed)
    {
        string[][] pairs =
        [
            ["response", "cycle"], ["surGroup", "action"], ["sur", "response"], ["issue", "cycle"],
            ["recommending", "action"], ["session", "response"], ["recommendingGroup", "issue"], ["surGroup", "recommendingGroup"],
        ];
        var random = new Random(seed);
        var result = new List<(string, string[])[]>();
        for (int i = 0; i < count; i++)
        {
            var fields = pairs[i % pairs.Length];
            var doc = UprDocuments.ToDocument(rows[random.Next(rows.Count)], 0);
            result.Add(fields.Select(f => (f, Pick(doc, f, random))).ToArray());
        }
        return result;
    }

    /// <summary>One real value of the field, sometimes two (OR within the field).</summary>
    private static string[] Pick(RecommendationDocument doc, string field, Random random)
    {
        var values = doc.Facets[field];
        return values.Count > 1 && random.Next(2) == 0 ? values.Take(2).ToArray() : values.Take(1).ToArray();
    }

    public static SearchRequest Request(string? text, (string Field, string[] Values)[] filters, SearchSort sort, IReadOnlyCollection<string>? countFields) => new()
    {
        Text = text,
        Filters = filters.ToDictionary(f => f.Field, f => (IReadOnlyCollection<string>)f.Values),
        CountFields = countFields,
        Sort = sort,
        Take = 20,
    };
}
