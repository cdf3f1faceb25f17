using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Infrastructure;
using Spean.Web.Mail;

namespace Spean.Web.Accounts;

/// <summary>
/// Tells people by e-mail what was done to their account: a link to set their password, and every change of their
/// password, two-factor sign-in or role, so that a change they did not make does not go unnoticed.
/// </summary>
internal sealed class AccountNotices(
    MailSender mail, SpeanDbContext db, UserManager<SpeanUser> users, TimeProvider clock, ILogger<AccountNotices> logger)
{
    private static readonly ResourceManager Texts = new("Spean.Web.Resources.Strings", typeof(Strings).Assembly);

    /// <summary>
    /// E-mails a set-password link to the user. Without an SMTP server, or when the e-mail cannot be sent, the link is
    /// written to the server's log at Warning instead: it is never handed back to be shown to the administrator.
    /// </summary>
    public async Task<MailOutcome> PasswordLinkAsync(SpeanUser user, string baseUri)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{baseUri.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
        return await SendPasswordLinkAsync(user, link);
    }

    private async Task<MailOutcome> SendPasswordLinkAsync(SpeanUser user, string link)
    {
        var network = await NetworkNameAsync();
        var outcome = await SendAsync(user, language: null, "Mail.PasswordLink.Subject", "Mail.PasswordLink.Body", c => [user.DisplayName, network, link]);
        if (outcome == MailOutcome.NotConfigured)
            logger.LogWarning("No e-mail server is configured (Spean:Mail:Host), so the set-password link for {Email} is written here instead. Pass it on to them privately: {Link}", user.Email, link);
        else if (outcome == MailOutcome.Failed)
            logger.LogWarning("The e-mail to {Email} could not be sent, so the set-password link is written here instead. Pass it on to them privately: {Link}", user.Email, link);
        return outcome;
    }

    public async Task<MailOutcome> PasswordChangedAsync(SpeanUser user, CultureInfo? language)
    {
        var network = await NetworkNameAsync();
        var at = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return await SendAsync(user, language, "Mail.PasswordChanged.Subject", "Mail.PasswordChanged.Body", c => [user.DisplayName, network, user.Email!, at]);
    }

    public async Task<MailOutcome> TwoFactorChangedAsync(SpeanUser user, CultureInfo? language)
    {
        var network = await NetworkNameAsync();
        var at = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var state = user.TwoFactorEnabled ? "On" : "Off";
        return await SendAsync(user, language, $"Mail.TwoFactor{state}.Subject", $"Mail.TwoFactor{state}.Body", c => [user.DisplayName, network, user.Email!, at]);
    }

    /// <summary>Call after saving a change of the user's role; the message names the new role.</summary>
    public async Task<MailOutcome> RoleChangedAsync(SpeanUser user)
    {
        var network = await NetworkNameAsync();
        return await SendAsync(user, language: null, "Mail.RoleChanged.Subject", "Mail.RoleChanged.Body",
            c => [user.DisplayName, network, Text($"Role.{user.Role}", c)]);
    }

    /// <summary>Lets an administrator check the mail settings from the settings page.</summary>
    public async Task<MailOutcome> TestMessageAsync(SpeanUser user, CultureInfo? language)
    {
        var network = await NetworkNameAsync();
        return await SendAsync(user, language, "Mail.Test.Subject", "Mail.Test.Body", c => [user.DisplayName, network]);
    }

    /// <summary>The language the person chose on this request (the language switch or ?culture=), or null when the app only guessed it.</summary>
    public static CultureInfo? ChosenLanguage(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>() is { Provider: CookieRequestCultureProvider or QueryStringRequestCultureProvider } feature
            ? feature.RequestCulture.UICulture
            : null;

    private async Task<MailOutcome> SendAsync(SpeanUser user, CultureInfo? language, string subject, string body, Func<CultureInfo, object[]> values)
    {
        if (string.IsNullOrEmpty(user.Email)) return MailOutcome.Failed;
        // Unknown language: the message carries both, Khmer first.
        CultureInfo[] cultures = language is null ? [Localization.Cultures[1], Localization.Cultures[0]] : [language];
        var subjects = cultures.Select(c => Format(subject, c, values(c)));
        var bodies = cultures.Select(c => Format(body, c, values(c)));
        var message = new MailMessage(user.Email, user.DisplayName, string.Join(" / ", subjects), string.Join("\n\n――――――――――\n\n", bodies));
        var outcome = await mail.SendAsync(message);
        if (outcome == MailOutcome.NotConfigured)
            logger.LogInformation("No e-mail server is configured (Spean:Mail:Host): {Email} was not told \"{Subject}\"", user.Email, Format(subject, Localization.Cultures[0], values(Localization.Cultures[0])));
        return outcome;
    }

    private static string Format(string name, CultureInfo culture, object[] values) =>
        string.Format(culture, Text(name, culture), values);

    private static string Text(string name, CultureInfo culture) =>
        Texts.GetString(name, culture) ?? throw new InvalidOperationException($"Resources/Strings.resx has no text {name}.");

    private async Task<string> NetworkNameAsync() =>
        await db.NetworkSettings.AsNoTracking().Select(s => s.NetworkName).FirstOrDefaultAsync() ?? "Spean";
}
