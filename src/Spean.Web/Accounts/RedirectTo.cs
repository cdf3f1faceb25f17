using Microsoft.AspNetCore.Components;

namespace Spean.Web.Accounts;

internal static class RedirectTo
{
    /// <summary>Only ever goes to a page of this site, so a crafted returnUrl cannot send a user elsewhere.</summary>
    public static void Local(this NavigationManager navigation, string? url) =>
        navigation.NavigateTo(Infrastructure.Localization.LocalUrl(url));
}
