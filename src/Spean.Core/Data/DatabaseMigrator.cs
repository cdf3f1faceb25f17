using Microsoft.EntityFrameworkCore;
using Spean.Core.Taxonomies;

namespace Spean.Core.Data;

/// <summary>Brings the database to the current schema and loads reference data that is missing.</summary>
public sealed class DatabaseMigrator(SpeanDbContext db, ReferenceDataImporter referenceData)
{
    public async Task MigrateAsync(bool loadReferenceData, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (loadReferenceData && !await referenceData.IsLoadedAsync(cancellationToken))
            await referenceData.ImportAllAsync(ReferenceDataImporter.ShippedDataDirectory, progress, cancellationToken);
    }
}
