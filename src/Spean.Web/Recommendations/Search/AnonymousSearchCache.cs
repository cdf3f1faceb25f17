using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;

namespace Spean.Web.Recommendations.Search;

/// <summary>
/// The search page and search API as served to anonymous readers, kept whole for the link and language, so a search
/// shared on a coalition's mailing list is rendered once rather than for each of its readers. As fresh as the index:
/// kept at most <see cref="SearchOptions.FreshnessSeconds"/>, and an edit made in the app starts new entries at once.
/// Signed-in readers are never served or stored: their pages carry their own role's actions.
/// </summary>
internal sealed class AnonymousSearchCache : IOutputCachePolicy
{
    public const string Policy = "AnonymousSearch";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var keptFor = TimeSpan.FromSeconds(http.RequestServices.GetRequiredService<SearchOptions>().FreshnessSeconds);
        var cacheable = keptFor > TimeSpan.Zero && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = keptFor;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["index"] = http.RequestServices.GetRequiredService<RecommendationSearch>().Changes.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A refusal is not kept, nor anything that sets a cookie (a cookie belongs to one reader).
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
