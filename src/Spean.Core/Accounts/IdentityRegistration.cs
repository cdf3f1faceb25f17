using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;

namespace Spean.Core.Accounts;

public static class IdentityRegistration
{
    public static IServiceCollection AddAccountsServices(this IServiceCollection services)
    {
        services.AddSpeanIdentityCore();
        return services;
    }

    /// <summary>The account rules shared by the web app and the CLI.</summary>
    public static IdentityBuilder AddSpeanIdentityCore(this IServiceCollection services)
    {
        services.AddScoped<UserAccounts>();
        services.AddSingleton<UserTokenCipher>();
        services.AddScoped<UserAdministration>();
        return services.AddIdentityCore<SpeanUser>(options =>
            {
                // Length over composition rules, as NIST SP 800-63B advises.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SpeanDbContext>()
            .AddUserStore<ProtectedUserStore>();
    }
}
