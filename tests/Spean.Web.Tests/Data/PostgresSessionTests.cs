using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Data;

[Collection(nameof(PostgresApp))]
public sealed class PostgresSessionTests(PostgresApp postgres)
{
    [Fact]
    public async Task The_apps_connections_do_not_compile_queries_to_machine_code()
    {
        var jit = await postgres.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Database
            .SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());

        Assert.Equal("off", jit);
    }
}
