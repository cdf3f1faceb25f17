namespace Spean.Architecture;

public sealed class ModuleReferenceTests
{
    private static ModuleGraph Core() =>
        ModuleGraph.Read([typeof(Spean.Core.Refusal).Assembly.Location], ModuleRules.Shared);

    [Fact]
    public void No_two_core_modules_refer_to_each_other()
    {
        var cycles = Core().DescribeCycles();

        Assert.True(cycles.Count == 0, "Modules that reach each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Core_modules_refer_only_in_the_allowed_direction()
    {
        var wrong = Core().DescribeDisallowed(ModuleRules.Allowed);

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void A_cycle_is_reported_with_the_types_that_close_it()
    {
        var graph = new ModuleGraph(
            [
                ("Accounts", "Auditing", "Spean.Core.Accounts.UserAdministration → Spean.Core.Auditing.AuditTrail"),
                ("Auditing", "Monitoring", "Spean.Core.Auditing.AuditedFields → Spean.Core.Monitoring.Reports.Report"),
                ("Monitoring", "Accounts", "Spean.Core.Monitoring.Reports.ReportAccess → Spean.Core.Accounts.Role"),
                ("Recommendations", "Accounts", "Spean.Core.Recommendations.Saved.SavedSearch → Spean.Core.Accounts.SpeanUser"),
            ],
            ["Accounts", "Auditing", "Monitoring", "Recommendations"]);

        var cycle = Assert.Single(graph.DescribeCycles());

        Assert.StartsWith("Accounts ↔ Auditing ↔ Monitoring:", cycle, StringComparison.Ordinal);
        Assert.Contains("Spean.Core.Auditing.AuditedFields → Spean.Core.Monitoring.Reports.Report", cycle, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommendations", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_against_the_allowed_direction_is_reported()
    {
        var graph = new ModuleGraph([("Auditing", "Accounts", "Spean.Core.Auditing.AuditQuery → Spean.Core.Accounts.Role")], ["Auditing", "Accounts"]);

        var wrong = Assert.Single(graph.DescribeDisallowed(ModuleRules.Allowed));

        Assert.Contains("AuditQuery → Spean.Core.Accounts.Role", wrong, StringComparison.Ordinal);
    }
}
