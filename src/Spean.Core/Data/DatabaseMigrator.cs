using Microsoft.EntityFrameworkCore;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Pledges;
using Spean.Core.Taxonomies;

namespace Spean.Core.Data;

/// <summary>Brings the database to the current schema and loads the shipped data that is missing.</summary>
public sealed class DatabaseMigrator(
    SpeanDbContext db, ReferenceDataImporter referenceData, RecommendationImporter recommendations, VoluntaryPledgeImporter pledges)
{
    public async Task MigrateAsync(bool loadReferenceData, bool loadRecommendations = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (loadReferenceData && !await referenceData.IsLoadedAsync(cancellationToken))
            await referenceData.ImportAllAsync(ReferenceDataImporter.ShippedDataDirectory, progress, cancellationToken);
        if (loadRecommendations && !await db.Recommendations.AnyAsync(cancellationToken))
            await recommendations.ImportAsync(UprInfoCsv.Read(RecommendationImporter.ShippedFile), progress: progress, cancellationToken: cancellationToken);
        if (loadRecommendations && !await db.VoluntaryPledges.AnyAsync(cancellationToken))
            await pledges.ImportAsync(VoluntaryPledgeImporter.ShippedFile, cancellationToken);
    }
}
