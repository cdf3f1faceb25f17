namespace Spean.Core.Monitoring.Evidence;

/// <summary>The evidence store ("Spean:Evidence:*", formerly "Spean:EvidenceDirectory" and "Spean:EvidenceMaxBytes").</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Spean:Evidence";

    /// <summary>Where the encrypted evidence files are kept; by default "evidence" in the data directory.</summary>
    public string? Directory { get; set; }

    /// <summary>The largest evidence file accepted, in bytes (300 MB: a few minutes of phone video).</summary>
    public long MaxBytes { get; set; } = 300_000_000;

    /// <summary>
    /// How old a file an interrupted upload or key rotation left in the evidence folder must be before it is removed
    /// (1 hour): younger ones may still be on their way in. Zero only where nothing else writes evidence.
    /// </summary>
    public TimeSpan LeftoverAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long the part of a photo or video that arrived before its connection broke is kept for the device to send the
    /// rest (7 days): a monitor in the field may be back in range only days later. Encrypted like the evidence.
    /// </summary>
    public TimeSpan UnfinishedUploadAge { get; set; } = TimeSpan.FromDays(7);

    public string DirectoryPath => Directory ?? throw new InvalidOperationException("The evidence directory is resolved at registration.");
}
