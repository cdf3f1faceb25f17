using System.Runtime.CompilerServices;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>
/// A fresh folder for the files ASP.NET Core buffers on its way (ASPNETCORE_TEMP), set before any app starts: the
/// framework reads the variable once per process, so tests can scan this folder for anything left in clear.
/// </summary>
internal static class TemporaryFolder
{
    public static string Path { get; } = Directory.CreateTempSubdirectory("spean-aspnet-temp-").FullName;

    [ModuleInitializer]
    internal static void PointTheFrameworkHere() => Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Path);
}
