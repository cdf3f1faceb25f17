using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;

namespace Spean.Web.Infrastructure;

internal static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("km")];

    public static bool IsKhmer => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "km";

    private static readonly StringComparer KhmerOrder = StringComparer.Create(CultureInfo.GetCultureInfo("km-KH"), ignoreCase: false);
    private static readonly StringComparer EnglishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("en"), ignoreCase: false);

    /// <summary>
    /// The order a reader of the page's language expects names in. For Khmer this is ICU's collation, which files ឥណ្ឌា
    /// among the អិ words and ស៊ីរី before សូម៉ាលី; code-point order would put ឥណ្ឌា after every អ word and ស៊ីរី after សូម៉ាលី.
    /// </summary>
    public static StringComparer NameOrder => IsKhmer ? KhmerOrder : EnglishOrder;

    public static IServiceCollection AddSpeanLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, ModuleStringLocalizerFactory>();
        // Khmer written as characters, not as &#x…; entities that make every page six times larger.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                // The printable mid-term report's address names its language as lang=km, and the page around it follows.
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseSpeanLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>Remembers the chosen language in a cookie for a year and goes back to the page the switch was on.</summary>
    public static IResult SwitchLanguage(string culture, string? returnUrl, HttpContext context, TimeProvider time)
    {
        if (!Cultures.Any(c => c.Name == culture))
            return TypedResults.Problem($"Unknown language '{culture}'. Use 'en' or 'km'.", statusCode: StatusCodes.Status400BadRequest);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return TypedResults.LocalRedirect(LocalUrl(returnUrl));
    }

    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
