using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Monitoring;

public sealed record EvidenceDefect(Guid FileId, string StoredName, string Problem);

public sealed record VerificationReport(int FilesChecked, IReadOnlyList<EvidenceDefect> Defects)
{
    public bool AllIntact => Defects.Count == 0;
}

/// <summary>`spean evidence verify`: every stored file hashed again and every custody chain walked.</summary>
public sealed class EvidenceVerification(SpeanDbContext db, EvidenceStore store, CustodyLog custody)
{
    public async Task<VerificationReport> VerifyAllAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = await db.EvidenceFiles.AsNoTracking().OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var defects = new List<EvidenceDefect>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            progress?.Report(new ImportProgress(file.StoredName, i, files.Count));
            if (await store.CheckAsync(file, cancellationToken) is { } problem)
                defects.Add(new EvidenceDefect(file.Id, file.StoredName, problem));
            var chain = await custody.VerifyAsync(file, cancellationToken);
            if (!chain.Intact)
                defects.Add(new EvidenceDefect(file.Id, file.StoredName, $"custody log broken: {chain.Problem}"));
        }
        progress?.Report(new ImportProgress("done", files.Count, files.Count));
        return new VerificationReport(files.Count, defects);
    }
}
