using System.Globalization;
using System.Resources;
using Spean.Web.Campaigns;

namespace Spean.Web.Tests.Campaigns;

public sealed class CampaignsStringsTests
{
    [Fact]
    public void Every_English_campaign_string_has_a_Khmer_translation_in_Khmer_script()
    {
        var resources = new ResourceManager(typeof(CampaignsStrings).FullName!, typeof(CampaignsStrings).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var khmer = resources.GetResourceSet(new CultureInfo("km"), createIfNotExists: true, tryParents: false)!;

        var keys = english.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.True(keys.Count > 100, $"only {keys.Count} strings found");
        // The link to the other language names that language in its own script.
        var untranslated = keys.Where(k => k != "Statement.OtherLanguage" && (khmer.GetString(k) is not { } km || !km.Any(c => c is >= '\u1780' and <= '\u17FF')));
        Assert.Empty(untranslated);
    }
}
