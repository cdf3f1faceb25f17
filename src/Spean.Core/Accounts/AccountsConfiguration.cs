using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Data;

namespace Spean.Core.Accounts;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NameKm).HasMaxLength(200);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsSensitive();
        builder.Property(t => t.Scope).HasDefaultValue(TokenScope.ReadWrite);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkSettingsConfiguration : IEntityTypeConfiguration<NetworkSettings>
{
    public void Configure(EntityTypeBuilder<NetworkSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.NetworkName).HasMaxLength(200);
    }
}

internal static class AccountsConfiguration
{
    public static void ConfigureIdentity(ModelBuilder builder)
    {
        builder.Entity<SpeanUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.PasswordHash).IsSensitive();
            user.Property(u => u.SecurityStamp).IsSensitive();
            user.Property(u => u.ConcurrencyStamp).IsSensitive();
            user.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<IdentityUserToken<Guid>>().Property(t => t.Value).IsSensitive();
    }
}
