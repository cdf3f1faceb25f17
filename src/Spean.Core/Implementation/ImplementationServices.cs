using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Recommendations.Recurrence;
using Spean.Core.Implementation.Assessments;
using Spean.Core.Implementation.Evidence;
using Spean.Core.Implementation.Matrix;

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
        return services;
    }
}
