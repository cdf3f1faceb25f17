using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Auditing;

[Collection(nameof(SqliteApp))]
public sealed class AuditedFieldsTests(SqliteApp app)
{
    /// <summary>A new property on an entity with an allow-list fails here until someone decides whether the trail shows its value.</summary>
    [Fact]
    public async Task Every_property_of_an_allow_listed_entity_has_a_decision()
    {
        var undecided = await app.WithScopeAsync(services =>
        {
            var model = services.GetRequiredService<SpeanDbContext>().Model;
            var missing = new List<string>();
            foreach (var (type, decision) in AuditedFields.Decisions.Where(d => d.Value != AuditedEntity.NamesOnlyForAll))
            {
                var entity = model.FindEntityType(type);
                Assert.True(entity is not null, $"{type.Name} is in the audit allow-list but not in the model.");
                var properties = entity!.GetProperties().Select(p => p.Name).ToHashSet();
                missing.AddRange(properties.Where(p => !decision.Values.Contains(p) && !decision.NamesOnly.Contains(p)).Select(p => $"{type.Name}.{p}: undecided"));
                missing.AddRange(decision.Values.Concat(decision.NamesOnly).Where(p => !properties.Contains(p)).Select(p => $"{type.Name}.{p}: no such property"));
            }
            return Task.FromResult(missing);
        });

        Assert.True(undecided.Count == 0, string.Join("\n", undecided));
    }

    [Fact]
    public async Task Every_entity_that_holds_people_or_reports_has_an_allow_list()
    {
        var types = await app.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<SpeanDbContext>().Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType != typeof(AuditEntry) && e.GetProperties().Any(p => p.Name is "ReportId" or "UserId" or "FileId" or "OrganisationId"))
            .Select(e => e.ClrType).ToList()));

        Assert.All(types, t => Assert.True(AuditedFields.Decisions.ContainsKey(t), $"{t.Name} has no audit allow-list."));
    }
}
