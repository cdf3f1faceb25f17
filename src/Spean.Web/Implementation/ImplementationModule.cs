using Spean.Core.Implementation;
using Spean.Web.Components;
using Spean.Web.Components.Layout;
using Spean.Web.Implementation.Assessments;
using Spean.Web.Implementation.Evidence;
using Spean.Web.Implementation.Home;
using Spean.Web.Implementation.Matrix;
using Spean.Web.Implementation.Midterm;
using Spean.Web.Implementation.Scorecards;

namespace Spean.Web.Implementation;

internal static class ImplementationModule
{
    public static WebApplicationBuilder AddImplementation(this WebApplicationBuilder builder)
    {
        builder.Services.AddImplementationServices();
        builder.Services.AddScoped<ScorecardTables>();
        builder.Services.AddMenuEntry(new(15, "/implementation", "Implementation.Nav"));
        builder.Services.AddPageSection(new(PageSections.RecommendationDetail, 10, typeof(RecommendationAssessmentsSection)));
        builder.Services.AddPageSection(new(PageSections.RecommendationSearch, 10, typeof(AssessSelectionForm)));
        builder.Services.AddPageSection(new(PageSections.Report, 10, typeof(ReportLinksForm)));
        builder.Services.AddPageSection(new(PageSections.HomeActivity, 20, typeof(RecentAssessmentsSection)));
        return builder;
    }

    public static WebApplication MapImplementation(this WebApplication app)
    {
        app.MapMatrixApi();
        app.MapAssessmentsApi();
        app.MapScorecardsApi();
        app.MapMidtermApi();
        return app;
    }
}
