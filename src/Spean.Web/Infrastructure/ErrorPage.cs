namespace Spean.Web.Infrastructure;

/// <summary>What a person sees when a page fails: both languages, no stack trace, a way back.</summary>
internal static class ErrorPage
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Something went wrong</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main>
        <h1>Something went wrong</h1>
        <p>The page could not be shown. Try again; if it happens again, tell an administrator of your network.</p>
        <p lang="km">មានបញ្ហាកើតឡើង។ ទំព័រនេះមិនអាចបង្ហាញបានទេ។ សូមព្យាយាមម្តងទៀត ហើយប្រសិនបើវាកើតឡើងម្តងទៀត សូមប្រាប់អ្នកគ្រប់គ្រងបណ្តាញរបស់អ្នក។</p>
        <p><a href="/">Home · ទំព័រដើម</a></p>
        </main></body></html>
        """;

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Html);
    }
}
