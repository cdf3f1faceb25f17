using Spean.Core.Implementation;
using Spean.Web.Implementation.Matrix;

namespace Spean.Web.Implementation;

internal static class ImplementationModule
{
    public static WebApplicationBuilder AddImplementation(this WebApplicationBuilder builder)
    {
        builder.Services.AddImplementationServices();
        return builder;
    }

    public static WebApplication MapImplementation(this WebApplication app)
    {
        app.MapMatrixApi();
        return app;
    }
}
