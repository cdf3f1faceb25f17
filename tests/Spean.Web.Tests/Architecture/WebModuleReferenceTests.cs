using Spean.Architecture;

namespace Spean.Web.Tests.Architecture;

/// <summary>Spean.Web.Monitoring and Spean.Core.Monitoring are one module: a page may not refer back any more than Core may.</summary>
public sealed class WebModuleReferenceTests
{
    private static ModuleGraph CoreAndWeb() =>
        ModuleGraph.Read([typeof(Core.Refusal).Assembly.Location, typeof(Strings).Assembly.Location], ModuleRules.Shared);

    [Fact]
    public void No_two_modules_refer_to_each_other_in_core_and_web()
    {
        var cycles = CoreAndWeb().DescribeCycles();

        Assert.True(cycles.Count == 0, "Modules that reach each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Modules_refer_only_in_the_allowed_direction_in_core_and_web()
    {
        var wrong = CoreAndWeb().DescribeDisallowed(ModuleRules.Allowed);

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
