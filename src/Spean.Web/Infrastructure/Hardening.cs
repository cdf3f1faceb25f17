using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Spean.Core.Data;
using Spean.Core.Protection;

namespace Spean.Web.Infrastructure;

/// <summary>
/// What the app needs behind a TLS reverse proxy (README, "Deploying"): the client's address and scheme taken from
/// X-Forwarded-For and X-Forwarded-Proto only when the request comes from a proxy named in Spean:KnownProxies;
/// Secure cookies on HTTPS; HSTS; a Content-Security-Policy without inline script or style; and the Data
/// Protection keys (which sign cookies and antiforgery tokens) kept beside the key ring.
/// </summary>
internal static class Hardening
{
    public const string DataProtectionFolder = "data-protection";

    /// <summary>No inline script or style anywhere: every page's script and style comes from /js and /css.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSpeanHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Spean:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the proxies the operator names are trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(proxy, out var network))
                    options.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(proxy, out var address))
                    options.KnownProxies.Add(address);
                else
                    throw new InvalidOperationException(
                        $"Spean:KnownProxies holds \"{proxy}\", which is neither an IP address (10.0.0.2) nor a network (10.0.0.0/24). Name the reverse proxy's address as the app sees it.");
            }
        });
        services.Configure<CookiePolicyOptions>(options =>
        {
            // SameAsRequest rather than Always: `dotnet run`, the tests and a LAN install without TLS are plain
            // http://, where a Secure cookie is never sent back and nobody could sign in. Behind the proxy every
            // request arrives as https (X-Forwarded-Proto from a known proxy), so every cookie is Secure there.
            options.Secure = CookieSecurePolicy.SameAsRequest;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

        var keys = services.KeyOptions(configuration).DirectoryPath;
        var folder = Path.Combine(keys, DataProtectionFolder);
        OwnerOnly.CreateDirectory(keys);
        OwnerOnly.CreateDirectory(folder);
        // The folder is 0700 inside the 0700 key folder; the key files in it are readable by the service account only.
        services.AddDataProtection()
            .SetApplicationName("Spean")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }

    /// <summary>First in the pipeline, so rate limits, the audit trail and cookies see the client and scheme the proxy saw.</summary>
    public static void UseSpeanForwardedHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
    }

    public static void UseSpeanSecurityHeaders(this WebApplication app)
    {
        app.UseHsts();
        app.UseCookiePolicy();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
    }
}
