using System.Net;
using System.Text.RegularExpressions;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>Fills a server-rendered form as a browser would: with the page's antiforgery token and form name.</summary>
public static partial class Forms
{
    // formSource: where to take the antiforgery token from when the page itself shows no form.
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string page, IDictionary<string, string> fields, string? formSource = null, string? formName = null) =>
        await (await client.PrepareAsync(page, formSource, formName)).PostAsync(client, fields);

    /// <summary>Reads the form's antiforgery token and name now, to post later: for tests that post several forms at the same moment.</summary>
    public static async Task<PreparedForm> PrepareAsync(this HttpClient client, string page, string? formSource = null, string? formName = null)
    {
        var html = await client.GetStringAsync(formSource ?? page);
        return new PreparedForm(page, WebUtility.HtmlDecode(Hidden(html, "__RequestVerificationToken")), formName ?? Hidden(html, "_handler"));
    }

    public sealed record PreparedForm(string Page, string Token, string Handler)
    {
        public Task<HttpResponseMessage> PostAsync(HttpClient client, IDictionary<string, string> fields)
        {
            var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token, ["_handler"] = Handler };
            return client.PostAsync(Page, new FormUrlEncodedContent(form));
        }
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{name}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The page has no hidden field {name}.");
        return match.Groups[1].Value;
    }
}
