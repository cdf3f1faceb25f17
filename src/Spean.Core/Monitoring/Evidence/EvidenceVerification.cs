using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Evidence;

public sealed record EvidenceDefect(Guid FileId, string StoredName, string Problem);

/// <param name="ContentProblem">Null when the stored bytes still hash to <paramref name="Sha256"/>, otherwise what is wrong.</param>
public sealed record FileVerification(Guid FileId, string StoredName, string Sha256, string? ContentProblem, ChainCheck Custody)
{
    public bool Intact => ContentProblem is null && Custody.Intact;
}

public sealed record VerificationReport(IReadOnlyList<FileVerification> Files)
{
    public int FilesChecked => Files.Count;

    public bool AllIntact => Files.All(f => f.Intact);

    public IReadOnlyList<EvidenceDefect> Defects =>
    [
        .. Files.SelectMany(f => new[]
        {
            f.ContentProblem is { } problem ? new EvidenceDefect(f.FileId, f.StoredName, problem) : null,
            f.Custody.Intact ? null : new EvidenceDefect(f.FileId, f.StoredName, $"custody log broken: {f.Custody.Problem}"),
        }).OfType<EvidenceDefect>(),
    ];
}

/// <summary>`spean evidence verify` and the verification endpoint: every stored file hashed again and every custody chain walked.</summary>
public sealed class EvidenceVerification(SpeanDbContext db, EvidenceStore store, CustodyLog custody)
{
    public async Task<VerificationReport> VerifyAllAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = await db.EvidenceFiles.AsNoTracking().OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var results = new List<FileVerification>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            progress?.Report(new ImportProgress(file.StoredName, i, files.Count));
            results.Add(new FileVerification(file.Id, file.StoredName, file.Sha256,
                await store.CheckAsync(file, cancellationToken), await custody.VerifyAsync(file, cancellationToken)));
        }
        progress?.Report(new ImportProgress("done", files.Count, files.Count));
        return new VerificationReport(results);
    }
}
