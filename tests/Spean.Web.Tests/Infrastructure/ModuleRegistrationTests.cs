using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Web.Components.Layout;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>
/// A new module adds its menu link, with its own English and Khmer strings, from its own registration; and a setting
/// that moved to a module's section is still read under its old key, with a warning that names the new one.
/// </summary>
public sealed class ModuleRegistrationTests(ModuleRegistrationTests.SampleModuleApp app) : IClassFixture<ModuleRegistrationTests.SampleModuleApp>
{
    [Fact]
    public async Task A_module_contributes_its_menu_link_in_English_and_Khmer_from_its_own_strings()
    {
        var english = await app.AnonymousClient().GetStringAsync("/");
        var client = app.AnonymousClient();
        using var _ = await client.GetAsync("/culture/km?returnUrl=%2F");
        var khmer = await client.GetStringAsync("/");

        Assert.Contains("<li><a href=\"/campaign-plans\">Campaign plans</a></li>", english);
        Assert.Contains("<li><a href=\"/campaign-plans\">ផែនការយុទ្ធនាការ</a></li>", khmer);
        Assert.True(english.IndexOf("/sdgs\"", StringComparison.Ordinal) < english.IndexOf("/campaign-plans\"", StringComparison.Ordinal)
            && english.IndexOf("/campaign-plans\"", StringComparison.Ordinal) < english.IndexOf("/map\"", StringComparison.Ordinal),
            "The link stands where its order puts it, between the SDGs (40) and the map (50).");
    }

    [Fact]
    public async Task Links_that_need_a_role_are_shown_only_to_those_who_have_it()
    {
        var anonymous = await app.AnonymousClient().GetStringAsync("/");

        Assert.DoesNotContain("href=\"/admin/users\"", anonymous);
        Assert.DoesNotContain("href=\"/capture\"", anonymous);
        Assert.Contains("href=\"/reports\"", anonymous);
    }

    [Fact]
    public void A_setting_under_its_old_key_is_still_read_and_the_log_names_its_new_key()
    {
        Assert.Equal(1234, app.Services.GetRequiredService<EvidenceOptions>().MaxBytes);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("Spean:EvidenceMaxBytes has moved to Spean:Evidence:MaxBytes", StringComparison.Ordinal)
            && l.Contains("Spean__Evidence__MaxBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_key_wins_over_the_old_one_and_the_log_says_to_remove_the_old()
    {
        Assert.Equal(app.EvidenceFolder, app.Services.GetRequiredService<EvidenceOptions>().DirectoryPath);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("Spean:EvidenceDirectory is ignored because Spean:Evidence:Directory is set", StringComparison.Ordinal));
    }

    public sealed class SampleModuleApp : SpeanApp
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public string EvidenceFolder { get; } = Path.Combine(Path.GetTempPath(), $"spean-evidence-{Guid.NewGuid():N}");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Spean:EvidenceMaxBytes", "1234");
            builder.UseSetting("Spean:EvidenceDirectory", Path.Combine(Path.GetTempPath(), "spean-old-evidence-key"));
            builder.UseSetting("Spean:Evidence:Directory", EvidenceFolder);
            builder.ConfigureServices(services =>
                services.AddMenuEntry(new MenuEntry(45, "/campaign-plans", "SampleModule.Nav", Strings: typeof(SampleModuleStrings))));
        }
    }
}
