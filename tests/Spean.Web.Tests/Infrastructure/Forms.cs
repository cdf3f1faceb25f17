using System.Net;
using System.Text.RegularExpressions;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>Fills a server-rendered form as a browser would: with the page's antiforgery token and form name.</summary>
public static partial class Forms
{
    // formSource: where to take the antiforgery token from when the page itself shows no form.
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string page, IDictionary<string, string> fields, string? formSource = null, string? formName = null)
    {
        var html = await client.GetStringAsync(formSource ?? page);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Hidden(html, "__RequestVerificationToken")),
            ["_handler"] = formName ?? Hidden(html, "_handler"),
        };
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{name}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The page has no hidden field {name}.");
        return match.Groups[1].Value;
    }
}
