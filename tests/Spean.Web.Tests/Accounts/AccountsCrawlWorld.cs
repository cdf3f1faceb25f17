using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Web.Accounts;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Accounts;

/// <summary>
/// An account of organisation A for the administration routes to act on, and a token whose name its owner reads, and the
/// administrators of A in the audit trail (which records token names), but nobody else.
/// </summary>
internal sealed class AccountsCrawlWorld : ICrawlWorld
{
    public int Order => 0;

    public async Task PlantAsync(CrawlContext context)
    {
        // Its e-mail address is for the administrators who manage it (the users page, the audit trail), not for other members.
        var email = context.Canary("an account's e-mail address", CrawlRoles.AdministratorsOfA) + "@example.org";
        var target = await context.App.WithScopeAsync(async services =>
        {
            var created = await services.GetRequiredService<UserAccounts>().CreateUserAsync(new NewUser(email, "Crawl target", Role.Member, context.OrganisationA, "a long enough password"));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            return created.User!;
        });
        context.Parameter("/api/v1/admin/users/{id}", "id", target.Id);

        var member = context.User(CrawlRole.Member);
        var token = await context.App.WithScopeAsync(services => services.GetRequiredService<PersonalAccessTokens>()
            .CreateAsync(member.Id, context.Canary("a Member's token's name", [CrawlRole.Member, .. CrawlRoles.AdministratorsOfA]), 30, TokenScope.Read));
        context.Parameter("/api/v1/me/tokens/{id}", "id", token.Id);
    }
}
