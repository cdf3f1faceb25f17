using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Recommendations.Recurrence;
using Spean.Core.Implementation.Assessments;
using Spean.Core.Implementation.Evidence;
using Spean.Core.Implementation.Matrix;
using Spean.Core.Implementation.Midterm;
using Spean.Core.Implementation.Scorecards;

namespace Spean.Core.Implementation;

public static class ImplementationServices
{
    /// <summary>The UPR follow-up: matrix import, assessments, scorecards and the mid-term report, for the web app and the CLI alike.</summary>
    public static IServiceCollection AddImplementationServices(this IServiceCollection services)
    {
        services.AddScoped<MatrixImporter>();
        services.AddScoped<AssessmentRecorder>();
        services.AddScoped<AssessmentQuery>();
        services.AddScoped<IAssessedStatuses, AssessedStatuses>();
        services.AddScoped<ReportLinks>();
        services.AddScoped<ScorecardQuery>();
        services.AddScoped<MidtermReports>();
        return services;
    }
}
