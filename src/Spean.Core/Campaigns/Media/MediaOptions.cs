namespace Spean.Core.Campaigns.Media;

/// <summary>Spean:Campaigns:Media:* — how often feeds are polled and how a feed is fetched.</summary>
public sealed class MediaOptions
{
    public const string Section = "Spean:Campaigns:Media";

    /// <summary>Minutes between polls of every feed; 0 polls only when someone asks ("check now").</summary>
    public int PollMinutes { get; set; } = 60;

    /// <summary>Lets feeds on loopback, private and link-local addresses be fetched (tests, a feed on the office network).</summary>
    public bool AllowPrivateAddresses { get; set; }

    public int MaxFeedKilobytes { get; set; } = 2048;

    public int TimeoutSeconds { get; set; } = 20;
}
