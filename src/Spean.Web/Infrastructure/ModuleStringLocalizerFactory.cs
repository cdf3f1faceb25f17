using System.Reflection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Spean.Web.Infrastructure;

/// <summary>
/// The shared strings stay in Resources/Strings.resx; any other marker type reads the resource files beside it
/// (Web/Implementation/ImplementationStrings.resx and .km.resx for Spean.Web.Implementation.ImplementationStrings), so a
/// module keeps its page strings in its own folder with <c>IStringLocalizer&lt;ImplementationStrings&gt;</c>.
/// </summary>
internal sealed class ModuleStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers)
    : ResourceManagerStringLocalizerFactory(options, loggers)
{
    protected override string GetResourcePrefix(TypeInfo typeInfo) =>
        typeInfo.AsType() == typeof(Strings) ? base.GetResourcePrefix(typeInfo) : typeInfo.FullName!;
}
