using System.Text.RegularExpressions;
using Spean.Core.Recommendations.Search.Upr;

namespace Spean.Core.Recommendations.Search.Tests;

public sealed class RealDataFixture : IDisposable
{
    public RealDataFixture()
    {
        Rows = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
        Index = new RecommendationIndex(UprDocuments.Fields, UprDocuments.SplitKhmer);
        Index.Build(Rows.Select((row, i) => UprDocuments.ToDocument(row, i)));
    }

    public IReadOnlyList<UprInfoRow> Rows { get; }

    public RecommendationIndex Index { get; }

    public void Dispose() => Index.Dispose();
}

public sealed class RealDataTests(RealDataFixture fixture) : IClassFixture<RealDataFixture>
{
    private readonly RecommendationIndex index = fixture.Index;

    private SearchResult Search(string? text, params (string Field, string[] Values)[] filters) =>
        index.Search(Sample.Request(text, filters) with { Take = 100_000 });

    private string TextOf(Guid id) => fixture.Rows[Sample.Number(id)].Text;

    [Fact]
    public void Csv_loads_every_row()
    {
        Assert.Equal(35_469, index.Count);
        var all = Search(null);
        Assert.Equal(26_335, all.CountOf("response", "Supported"));
        Assert.Equal(9_134, all.CountOf("response", "Noted"));
        Assert.Equal(193, all.Facets["sur"].Count);
    }

    [Fact]
    public void Cambodia_session_18_has_205_recommendations_163_accepted()
    {
        var result = Search(null, ("sur", ["Cambodia"]), ("session", ["18"]));
        Assert.Equal(205, result.Total);
        Assert.Equal(163, result.CountOf("response", "Supported"));
        Assert.Equal(42, result.CountOf("response", "Noted"));
        Assert.Equal(138, result.CountOf("session", "6")); // the session facet ignores its own filter
        var accepted = Search(null, ("sur", ["Cambodia"]), ("session", ["18"]), ("response", ["Supported"]));
        Assert.Equal(163, accepted.Total);
    }

    [Fact]
    public void Not_excludes_on_real_texts()
    {
        var result = Search("torture NOT death");
        Assert.True(result.Total > 500);
        Assert.All(result.Ids.Select(TextOf), text =>
        {
            Assert.Matches(new Regex(@"\btortur", RegexOptions.IgnoreCase), text);
            Assert.DoesNotMatch(new Regex(@"\bdeath", RegexOptions.IgnoreCase), text);
        });
        Assert.Equal(Search("torture").Total - Search("torture death").Total, result.Total);
    }

    [Fact]
    public void Phrase_matches_agree_with_a_regex_over_every_row()
    {
        var regex = new Regex(@"\brights? of the child(ren)?\b", RegexOptions.IgnoreCase);
        int expected = fixture.Rows.Count(r => Regex.IsMatch(r.Text, @"\brights? of the child\b", RegexOptions.IgnoreCase));
        var result = Search("\"rights of the child\"");
        Assert.Equal(expected, result.Total);
        Assert.All(result.Ids.Select(TextOf), text => Assert.Matches(regex, text));
    }

    [Fact]
    public void Facet_counts_add_up_under_a_text_query()
    {
        var result = Search("women", ("response", ["Supported"]), ("cycle", ["2"]));
        foreach (string field in new[] { "sur", "recommending", "surGroup", "action" })
        {
            Assert.Equal(result.Total, result.Facets[field].Sum(c => c.Count));
        }
        Assert.Equal(Search("women", ("cycle", ["2"])).Total, result.Facets["response"].Sum(c => c.Count));
        foreach (var option in result.Facets["issue"].Take(5))
        {
            var narrowed = Search("women", ("response", ["Supported"]), ("cycle", ["2"]), ("issue", [option.Value]));
            Assert.Equal(option.Count, narrowed.Total);
        }
    }

    [Fact]
    public void Highlights_cover_the_words_found()
    {
        var result = Search("\"human rights defenders\" protect*");
        Assert.True(result.Total > 100);
        foreach (var id in result.Ids.Take(50))
        {
            string text = TextOf(id);
            var marks = index.Highlight("\"human rights defenders\" protect*", text).Select(r => text.Substring(r.Start, r.Length)).ToList();
            Assert.Contains(marks, m => m.Equals("human rights defenders", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(marks, m => m.StartsWith("protect", StringComparison.OrdinalIgnoreCase));
        }
    }
}
