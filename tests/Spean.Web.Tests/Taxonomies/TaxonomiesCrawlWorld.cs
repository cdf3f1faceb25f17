using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Taxonomies;

/// <summary>Reference data is public: the crawl only needs a place to open and a name to search for.</summary>
internal sealed class TaxonomiesCrawlWorld : ICrawlWorld
{
    public int Order => 0;

    public Task PlantAsync(CrawlContext context)
    {
        context.Parameter("/api/v1/gazetteer/{code}", "code", "13", "130101");
        context.Parameter("/gazetteer/{Code}", "Code", "13");
        context.Parameter("/api/v1/gazetteer/search", "q", "Preah");
        return Task.CompletedTask;
    }
}
