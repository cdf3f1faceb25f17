using System.Net;

namespace Spean.Web.Infrastructure;

/// <summary>What a person sees when a page fails or a request is refused before its page: both languages, no stack trace, a way back.</summary>
internal static class ErrorPage
{
    public static Task WriteAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong",
        "The page could not be shown. Try again; if it happens again, tell an administrator of your network.",
        "មានបញ្ហាកើតឡើង។ ទំព័រនេះមិនអាចបង្ហាញបានទេ។ សូមព្យាយាមម្តងទៀត ហើយប្រសិនបើវាកើតឡើងម្តងទៀត សូមប្រាប់អ្នកគ្រប់គ្រងបណ្តាញរបស់អ្នក។");

    public static Task WriteAsync(HttpContext context, NulInRequestException refused) => WriteAsync(context, StatusCodes.Status400BadRequest,
        "This cannot be stored · មិនអាចរក្សាទុកបានទេ",
        $"The {refused.What} '{Field(refused.Name)}' holds an invisible NUL character (U+0000), which cannot be stored; it may have come with text pasted from another program. Go back, remove it (retype the text if need be) and send again.",
        $"«{Field(refused.Name)}» មានតួអក្សរ NUL (U+0000) ដែលមើលមិនឃើញ ហើយមិនអាចរក្សាទុកបានទេ។ វាអាចមកជាមួយអត្ថបទដែលបានចម្លងពីកម្មវិធីផ្សេង។ សូមត្រឡប់ក្រោយ លុបវាចេញ (វាយអត្ថបទម្តងទៀតបើចាំបាច់) ហើយផ្ញើម្តងទៀត។");

    // A page's field is named "Form.NameLatin"; the person knows it as NameLatin.
    private static string Field(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static Task WriteAsync(HttpContext context, int status, string title, string english, string khmer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main>
            <h1>{title}</h1>
            <p>{WebUtility.HtmlEncode(english)}</p>
            <p lang="km">{WebUtility.HtmlEncode(khmer)}</p>
            <p><a href="/">Home · ទំព័រដើម</a></p>
            </main></body></html>
            """);
    }
}
