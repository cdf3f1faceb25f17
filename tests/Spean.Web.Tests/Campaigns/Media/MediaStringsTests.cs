using System.Globalization;
using System.Resources;
using Spean.Core.Campaigns.Media;
using Spean.Web.Campaigns.Media;

namespace Spean.Web.Tests.Campaigns.Media;

public sealed class MediaStringsTests
{
    [Fact]
    public void Every_English_media_string_has_a_Khmer_translation_and_every_feed_problem_and_refusal_a_sentence()
    {
        var resources = new ResourceManager(typeof(MediaStrings).FullName!, typeof(MediaStrings).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var khmer = resources.GetResourceSet(new CultureInfo("km"), createIfNotExists: true, tryParents: false)!;

        var keys = english.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.DoesNotContain(keys, k => khmer.GetString(k) is not { } km || !km.Any(c => c is >= '\u1780' and <= '\u17FF'));
        var needed = Enum.GetNames<FeedProblem>().Select(n => $"FeedProblem.{n}").Concat(Enum.GetNames<MediaProblem>().Select(n => $"MediaProblem.{n}"));
        Assert.Empty(needed.Except(keys));
    }
}
