using Microsoft.Extensions.Configuration;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Tests;

public sealed class RenamedSettingsTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void An_old_key_sets_the_moved_setting_and_warns_with_the_new_key()
    {
        var settings = new RenamedSettings();

        var evidence = settings.Bind<EvidenceOptions>(Configuration(new() { ["Spean:EvidenceMaxBytes"] = "500" }), EvidenceOptions.Section,
            ("Spean:EvidenceMaxBytes", nameof(EvidenceOptions.MaxBytes)), ("Spean:EvidenceDirectory", nameof(EvidenceOptions.Directory)));

        Assert.Equal(500, evidence.MaxBytes);
        Assert.Null(evidence.Directory);
        var warning = Assert.Single(settings.Warnings);
        Assert.Contains("Spean:EvidenceMaxBytes has moved to Spean:Evidence:MaxBytes", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_key_wins_and_nothing_is_said_when_only_it_is_set()
    {
        var both = new RenamedSettings();
        var onlyNew = new RenamedSettings();

        var fromBoth = both.Bind<EvidenceOptions>(Configuration(new() { ["Spean:EvidenceMaxBytes"] = "500", ["Spean:Evidence:MaxBytes"] = "900" }),
            EvidenceOptions.Section, ("Spean:EvidenceMaxBytes", nameof(EvidenceOptions.MaxBytes)));
        var fromNew = onlyNew.Bind<EvidenceOptions>(Configuration(new() { ["Spean:Evidence:MaxBytes"] = "900" }),
            EvidenceOptions.Section, ("Spean:EvidenceMaxBytes", nameof(EvidenceOptions.MaxBytes)));

        Assert.Equal(900, fromBoth.MaxBytes);
        Assert.Equal(900, fromNew.MaxBytes);
        Assert.Contains("Spean:EvidenceMaxBytes is ignored because Spean:Evidence:MaxBytes is set", Assert.Single(both.Warnings), StringComparison.Ordinal);
        Assert.Empty(onlyNew.Warnings);
    }
}
