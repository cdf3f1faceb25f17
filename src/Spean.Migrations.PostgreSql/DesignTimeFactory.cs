using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Spean.Core.Data;

namespace Spean.Migrations.PostgreSql;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SpeanDbContext>
{
    public SpeanDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SpeanDbContext>();
        DatabaseRegistration.Configure(options, new SpeanOptions
        {
            DatabaseProvider = DatabaseProvider.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Database=spean_design",
        });
        return new SpeanDbContext(options.Options);
    }
}
