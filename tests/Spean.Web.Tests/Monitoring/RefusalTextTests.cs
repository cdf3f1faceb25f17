using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.People;
using Spean.Core.Recommendations.Saved;
using Spean.Core.Recommendations.Search;

namespace Spean.Web.Tests.Monitoring;

public sealed partial class RefusalTextTests
{
    [Fact]
    public void Every_refusal_code_has_an_English_and_a_Khmer_sentence_with_the_same_placeholders()
    {
        var resources = new ResourceManager("Spean.Web.Resources.Strings", typeof(Strings).Assembly);
        var codes = new[] { typeof(WorkflowRefusal), typeof(ReportInputProblem), typeof(EvidenceRejection), typeof(PersonProblem), typeof(QueryProblem), typeof(SavedSearchProblem) }
            .SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"));

        var problems = new List<string>();
        foreach (var key in codes)
        {
            var english = resources.GetString(key, CultureInfo.InvariantCulture);
            var khmer = resources.GetString(key, new CultureInfo("km"));
            if (english is null) problems.Add($"{key} has no English sentence");
            else if (khmer is null || khmer == english) problems.Add($"{key} has no Khmer sentence");
            else if (!Placeholders(english).SetEquals(Placeholders(khmer))) problems.Add($"{key} names other values in Khmer than in English");
        }

        Assert.Empty(problems);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholder();
}
