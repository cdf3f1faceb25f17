namespace Spean.Core.Recommendations.Search.Tests;

public sealed class UpdateTests
{
    [Fact]
    public void Upsert_replaces_text_and_facets()
    {
        using var index = Sample.Index(Sample.Doc(1, "End torture", "Cambodia"), Sample.Doc(2, "End torture", "Laos"));
        index.Upsert(Sample.Doc(1, "Protect journalists", "Viet Nam"));
        Assert.Equal(2, index.Count);
        Assert.Equal([2], index.Find("torture"));
        Assert.Equal([1], index.Find("journalists"));
        Assert.True(index.TryGetText(Sample.Id(1), out string english, out _));
        Assert.Equal("Protect journalists", english);
        var result = index.Search(Sample.Request(null));
        Assert.Equal(0, result.CountOf("sur", "Cambodia"));
        Assert.Equal(1, result.CountOf("sur", "Viet Nam"));
    }

    [Fact]
    public void Remove_drops_the_document_everywhere()
    {
        using var index = Sample.Index(Sample.Doc(1, "End torture", "Cambodia"), Sample.Doc(2, "End torture", "Laos"));
        Assert.True(index.Remove(Sample.Id(1)));
        Assert.False(index.Remove(Sample.Id(1)));
        Assert.False(index.TryGetText(Sample.Id(1), out _, out _));
        Assert.Equal([2], index.Find("torture"));
        Assert.Equal([2], index.Find("NOT journalists"));
        var result = index.Search(Sample.Request(null));
        Assert.Equal(1, result.Total);
        Assert.DoesNotContain(result.Facets["sur"], c => c.Value == "Cambodia");
    }

    [Fact]
    public void Many_updates_with_compaction_keep_results_right()
    {
        using var index = Sample.Index();
        for (int round = 0; round < 4; round++)
        {
            for (int n = 0; n < 1500; n++)
            {
                string word = (n + round) % 3 == 0 ? "torture" : "education";
                index.Upsert(Sample.Doc(n, $"Round {round}: {word}", n % 2 == 0 ? "Even" : "Odd"));
            }
        }
        for (int n = 0; n < 1500; n += 5)
        {
            index.Remove(Sample.Id(n));
        }
        index.Compact();
        var expected = Enumerable.Range(0, 1500).Where(n => n % 5 != 0 && (n + 3) % 3 == 0).ToArray();
        Assert.Equal(expected, index.Find("torture \"round 3\""));
        Assert.Empty(index.Find("\"round 2\""));
        var result = index.Search(Sample.Request("torture"));
        Assert.Equal(expected.Count(n => n % 2 == 0), result.CountOf("sur", "Even"));
    }

    [Fact]
    public async Task Readers_run_while_a_writer_updates()
    {
        using var index = Sample.Index(Enumerable.Range(0, 2000).Select(n => Sample.Doc(n, "End torture now")).ToArray());
        var writer = Task.Run(() =>
        {
            for (int n = 0; n < 2000; n++)
            {
                index.Upsert(Sample.Doc(n, "Protect journalists"));
            }
        });
        while (!writer.IsCompleted)
        {
            var result = index.Search(Sample.Request("torture OR journalists"));
            Assert.Equal(2000, result.Total);
        }
        await writer;
        Assert.Empty(index.Find("torture"));
    }

    [Fact]
    public void Unknown_facet_field_is_rejected_without_changing_anything()
    {
        using var index = Sample.Index(Sample.Doc(1, "End torture"));
        var bad = Sample.Doc(1, "Other text") with { Facets = new Dictionary<string, IReadOnlyList<string>> { ["country"] = ["X"] } };
        Assert.Throws<ArgumentException>(() => index.Upsert(bad));
        Assert.Equal([1], index.Find("torture"));
    }
}
