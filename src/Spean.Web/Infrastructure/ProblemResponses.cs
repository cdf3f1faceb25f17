using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Spean.Web.Infrastructure;

/// <summary>Errors for scripts and API clients as RFC 9457 problem details, with a sentence a person can act on.</summary>
internal static class ProblemResponses
{
    /// <summary>The API, its document and the calendar feeds (read by calendar apps and scripts, never shown in a browser).</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi")
        || request.Path.Value?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) == true;

    public static async ValueTask WriteAsync(HttpContext context, int status, string? detail)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail ?? DefaultDetail(status) },
        });
    }

    /// <summary>What to change in a request whose body or parameters the endpoint could not read.</summary>
    public static string Unreadable(BadHttpRequestException failure) => failure.InnerException switch
    {
        NullItemException or NulTextException => $"{failure.InnerException.Message} Check the request against /openapi/v1.json.",
        JsonException { Path: { Length: > 1 } path } =>
            $"The request body could not be read at '{path}': check that field's type and, for a choice, its name in /openapi/v1.json.",
        JsonException => "The request body is not valid JSON. Send a JSON object as described in /openapi/v1.json.",
        _ => $"{failure.Message} Check the request against /openapi/v1.json.",
    };

    private static string? DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read. Check it against /openapi/v1.json.",
        StatusCodes.Status401Unauthorized => "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.",
        StatusCodes.Status403Forbidden => "Your role does not allow this. Ask an administrator of your network if you need it.",
        StatusCodes.Status404NotFound => "Nothing exists at this address. Check the link or the identifier.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method.",
        StatusCodes.Status413PayloadTooLarge => "The request is too large. Send a smaller file or body.",
        StatusCodes.Status415UnsupportedMediaType =>
            "This address does not read a body of that content type. Send it as the operation in /openapi/v1.json describes (application/json or multipart/form-data).",
        _ => null,
    };
}
