using Microsoft.EntityFrameworkCore;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Pledges;
using Spean.Core.Taxonomies;
using Spean.Core.Protection;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Submissions.Calendar;

namespace Spean.Core.Data;

/// <summary>Brings the database to the current schema and loads the shipped data that is missing.</summary>
public sealed class DatabaseMigrator(
    SpeanDbContext db, SpeanOptions options, ReferenceDataImporter referenceData, RecommendationImporter recommendations, VoluntaryPledgeImporter pledges, KeyRing keys, CustodyLog custody, Accounts.UserTokenCipher tokens, Auditing.AuditActor actor,
    UprCalendarImporter uprCalendar, EvidenceLeftovers evidenceLeftovers)
{
    public async Task MigrateAsync(bool loadReferenceData, bool loadRecommendations = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sqliteFile = PrepareSqliteFile();
        await using (await SqliteSchemaLock.AcquireAsync(sqliteFile, cancellationToken))
        {
            if (sqliteFile is not null) await SqliteSchemaLock.RemoveLeftoverAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // Readers go on while a report is saved; in SQLite's default rollback journal each reader waited for every
            // write (ADR 32). SQLite keeps the mode in the file, so this changes an existing database once.
            if (sqliteFile is not null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken);
        }
        await Monitoring.Reports.ReportSearchText.FillMissingAsync(db, cancellationToken);
        await CreateKeyRingAsync(cancellationToken);
        await custody.SealUnkeyedChainsAsync(cancellationToken);
        // Before anything reads or rotates evidence: an upload killed after its row committed has its file renamed.
        await evidenceLeftovers.CompleteAsync(cancellationToken);
        await ProtectClearTokensAsync(cancellationToken);
        if (loadReferenceData && !await referenceData.IsLoadedAsync(cancellationToken))
            await referenceData.ImportAllAsync(ReferenceDataImporter.ShippedDataDirectory, progress, cancellationToken);
        if (loadReferenceData && !await uprCalendar.IsLoadedAsync(cancellationToken))
            await uprCalendar.ImportShippedAsync(cancellationToken);
        if (loadRecommendations && !await db.Recommendations.AnyAsync(cancellationToken))
            await recommendations.ImportAsync(UprInfoCsv.Read(RecommendationImporter.ShippedFile), progress: progress, cancellationToken: cancellationToken);
        if (loadRecommendations && !await db.VoluntaryPledges.AnyAsync(cancellationToken))
            await pledges.ImportAsync(VoluntaryPledgeImporter.ShippedFile, cancellationToken);
    }

    /// <summary>Authenticator keys and recovery codes stored in clear by an earlier version are encrypted once, at the first start after it.</summary>
    private async Task ProtectClearTokensAsync(CancellationToken cancellationToken)
    {
        actor.SuppressRowAudit = true;
        try
        {
            var (changed, _) = await tokens.ProtectAllAsync(db, keys.Current.Id, clearOnly: true, cancellationToken);
            if (changed > 0) await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
    }

    /// <summary>
    /// The data folder 0700 and the database file 0600 before SQLite opens it: SQLite would create it 0644, and
    /// gives its journal and WAL files the database file's mode.
    /// </summary>
    /// <returns>The SQLite database file; null for PostgreSQL or a database that is not a file.</returns>
    private string? PrepareSqliteFile()
    {
        if (options.DatabaseProvider != DatabaseProvider.Sqlite) return null;
        OwnerOnly.CreateDirectory(options.DataDirectory);
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.SqliteConnectionString).DataSource;
        if (file.Length == 0 || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)) return null;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) OwnerOnly.CreateDirectory(folder);
        OwnerOnly.CreateFile(file);
        return file;
    }

    /// <summary>
    /// Creates the key ring on first start. A database that already holds encrypted data with no key ring
    /// beside it means the key file was lost or the folder is wrong: making a new ring would hide that.
    /// </summary>
    private async Task CreateKeyRingAsync(CancellationToken cancellationToken)
    {
        if (keys.Exists) return;
        if (await db.ReportPeople.AnyAsync(cancellationToken) || await db.EvidenceFiles.AnyAsync(cancellationToken))
            throw new InvalidOperationException(
                $"The database holds encrypted identities or evidence, but there is no key ring at {keys.FilePath}. " +
                "Restore the key file from its backup, or set Spean:KeyDirectory to the folder that holds it.");
        keys.CreateIfMissing();
    }
}
