namespace Spean.Web.Infrastructure;

internal static class NotFoundPage
{
    /// <summary>
    /// Answers 404 with the page's own explanation. A status set while the component renders makes the endpoint drop
    /// the body and leave it to the status code pages middleware, which writes none for pages; so it is set as the
    /// response starts, after the page has rendered.
    /// </summary>
    public static void Respond(HttpContext context) => context.Response.OnStarting(() =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    });
}
