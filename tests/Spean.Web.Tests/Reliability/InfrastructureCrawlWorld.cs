namespace Spean.Web.Tests.Reliability;

/// <summary>The app's own routes: the OpenAPI document and the language switch.</summary>
internal sealed class InfrastructureCrawlWorld : ICrawlWorld
{
    public int Order => 0;

    public Task PlantAsync(CrawlContext context)
    {
        context.Parameter("/openapi/{documentName}.json", "documentName", "v1");
        context.Parameter("/culture/{culture}", "culture", "km");
        return Task.CompletedTask;
    }
}
