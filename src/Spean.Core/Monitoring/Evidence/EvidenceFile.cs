namespace Spean.Core.Monitoring.Evidence;

/// <summary>
/// An original photo, recording or document attached to a report. The bytes live encrypted in the evidence
/// folder under <see cref="StoredName"/> and never change; this row describes them.
/// </summary>
public sealed class EvidenceFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReportId { get; init; }

    /// <summary>Made on the device before the first try, so a retried upload finds the file it already sent.</summary>
    public required Guid ClientUploadId { get; init; }

    /// <summary>The file name on the device, encrypted: people name recordings after the person recorded.</summary>
    public required byte[] EncryptedOriginalName { get; set; }

    /// <summary>Decided from the content, never from the name or the browser's claim.</summary>
    public required string ContentType { get; init; }
    public required long Size { get; init; }

    /// <summary>SHA-256 of the original bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public required string StoredName { get; init; }
    /// <summary>When the photo was taken, the recording made or the document created, as the file's metadata says (docs/adr/0009-capture-facts-from-evidence.md).</summary>
    public DateTime? CapturedAt { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>Make and model of the camera, phone or recorder, from the file's metadata.</summary>
    public string? Device { get; init; }
    public Guid? UploadedById { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTime UploadedAt { get; init; }
}

public enum CustodyAction
{
    Uploaded,
    Viewed,
    Downloaded,
    Exported,
    Verified,
}

/// <summary>
/// One link of an evidence file's chain of custody. <see cref="EntryHash"/> is an HMAC, under the key ring's
/// custody key, of the previous entry's hash, this entry's fields and the file's report and content type, so
/// editing or deleting any entry breaks every hash after it, and without the key the chain cannot be recomputed.
/// </summary>
public sealed class CustodyEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid FileId { get; init; }

    /// <summary>1 for the upload, then 2, 3, …; unique per file so two writers cannot fork the chain.</summary>
    public required int Sequence { get; init; }
    public required CustodyAction Action { get; init; }
    public Guid? UserId { get; init; }
    public required string Who { get; init; }
    public required DateTime At { get; init; }
    public string? Detail { get; init; }

    /// <summary>The previous entry's hash; for the first entry, the file's SHA-256.</summary>
    public required string PreviousHash { get; init; }
    public required string EntryHash { get; init; }
}
