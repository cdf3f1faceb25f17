using Spean.Core.Implementation;
using Spean.Web.Components;
using Spean.Web.Implementation.Assessments;
using Spean.Web.Implementation.Evidence;
using Spean.Web.Implementation.Matrix;

namespace Spean.Web.Implementation;

internal static class ImplementationModule
{
    public static WebApplicationBuilder AddImplementation(this WebApplicationBuilder builder)
    {
        builder.Services.AddImplementationServices();
        builder.Services.AddPageSection(new(PageSections.RecommendationDetail, 10, typeof(RecommendationAssessmentsSection)));
        builder.Services.AddPageSection(new(PageSections.RecommendationSearch, 10, typeof(AssessSelectionForm)));
        builder.Services.AddPageSection(new(PageSections.Report, 10, typeof(ReportLinksForm)));
        return builder;
    }

    public static WebApplication MapImplementation(this WebApplication app)
    {
        app.MapMatrixApi();
        app.MapAssessmentsApi();
        return app;
    }
}
