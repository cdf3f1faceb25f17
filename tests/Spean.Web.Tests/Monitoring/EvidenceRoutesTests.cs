using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Every evidence route, the upload and the originals included, is mapped by one class, so its rules are read in one place.</summary>
public abstract class EvidenceRoutesTests(SpeanApp app)
{
    [Fact]
    public void Every_evidence_route_is_mapped_by_EvidenceApi()
    {
        _ = app.AnonymousClient();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("/evidence", StringComparison.Ordinal) == true)
            .Select(e => (Route: e.RoutePattern.RawText!, Owner: Outermost(e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType)?.Name))
            .ToList();

        Assert.True(routes.Count >= 5, $"Found only {routes.Count} evidence routes.");
        Assert.All(routes, r => Assert.True(r.Owner == "EvidenceApi", $"{r.Route} is mapped by {r.Owner}."));
    }

    private static Type? Outermost(Type? type)
    {
        while (type?.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }
}

public sealed class SqliteEvidenceRoutesTests(SqliteApp app) : EvidenceRoutesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEvidenceRoutesTests(PostgresApp app) : EvidenceRoutesTests(app), IClassFixture<PostgresApp>;
