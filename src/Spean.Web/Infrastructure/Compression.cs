using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Spean.Web.Infrastructure;

/// <summary>
/// Pages, styles, scripts and JSON compressed with Brotli or gzip: monitors open Spean on phones over slow, metered
/// networks, and a search page of HTML shrinks about tenfold (ADR 0029).
/// </summary>
internal static class Compression
{
    public static IServiceCollection AddSpeanCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "image/svg+xml", "application/atom+xml", "text/calendar", "application/manifest+json", "application/geo+json"]);
        });
        // The fastest levels give most of the gain for a fraction of the CPU of the default ones.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SameSiteCompressionProvider>();
        return services;
    }

    /// <summary>
    /// Compresses an answer to a request that carries cookies only when this site's own page asked for it or the person
    /// typed the address (Sec-Fetch-Site same-origin or none). A compressed page that holds a secret and words an
    /// attacker chose leaks the secret through its length (BREACH); another site can send a signed-in person's browser
    /// here with chosen words, but cannot make that request same-origin. Scripts send a token, not cookies, and no
    /// other site can make a browser send it.
    /// </summary>
    private sealed class SameSiteCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider standard = new(services, options);

        public bool CheckRequestAcceptsCompression(HttpContext context) =>
            standard.CheckRequestAcceptsCompression(context)
            && (context.Request.Cookies.Count == 0 || context.Request.Headers["Sec-Fetch-Site"] is ["same-origin"] or ["none"]);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => standard.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) => standard.ShouldCompressResponse(context);
    }
}
