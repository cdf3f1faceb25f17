using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Spean.Core.Data;

namespace Spean.Migrations.Sqlite;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SpeanDbContext>
{
    public SpeanDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SpeanDbContext>();
        DatabaseRegistration.Configure(options, new SpeanOptions
        {
            DatabaseProvider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        });
        return new SpeanDbContext(options.Options);
    }
}
