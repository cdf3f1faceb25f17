namespace Spean.Web.Mail;

internal static class MailRegistration
{
    public static IServiceCollection AddSpeanMail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.From))
            throw new InvalidOperationException("Spean:Mail:Host is set but Spean:Mail:From is not: give the address Spean's e-mail is sent from.");
        if (options.IsConfigured && !MimeKit.MailboxAddress.TryParse(options.From, out _))
            throw new InvalidOperationException($"Spean:Mail:From is not an e-mail address: '{options.From}'.");
        services.AddSingleton(options);
        services.AddSingleton<MailSender>();
        return services;
    }
}
