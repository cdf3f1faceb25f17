namespace Spean.Core.Accounts;

/// <summary>Who is looking: a signed-in user with a role and organisation, or nobody.</summary>
public sealed record Viewer(Guid? UserId, Role? Role, Guid? OrganisationId)
{
    public static readonly Viewer Anonymous = new(null, null, null);

    public bool IsAnonymous => UserId is null;
}
