using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Spean.Web.Mail;

/// <summary>One e-mail to one person, in plain text.</summary>
internal sealed record MailMessage(string To, string ToName, string Subject, string Body);

internal enum MailOutcome
{
    Sent,
    NotConfigured,
    Failed,
}

/// <summary>Sends through the configured SMTP server; a failure is logged and returned, never thrown, so the action that wanted the e-mail stands.</summary>
internal sealed class MailSender(MailOptions options, ILogger<MailSender> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public async Task<MailOutcome> SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        if (!options.IsConfigured) return MailOutcome.NotConfigured;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            using var mime = new MimeMessage();
            mime.From.Add(new MailboxAddress(options.FromName, options.From));
            mime.To.Add(new MailboxAddress(message.ToName, message.To));
            mime.Subject = message.Subject;
            mime.Body = new TextPart("plain") { Text = message.Body };
            await client.ConnectAsync(options.Host, options.Port, SocketOptions(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return MailOutcome.Sent;
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or OperationCanceledException
            or ProtocolException or CommandException or AuthenticationException or SslHandshakeException or FormatException)
        {
            // The exception's message names the server and the SMTP reply, never the password.
            logger.LogWarning("E-mail to {To} could not be sent through {Host}:{Port}: {Error}: {Reason}",
                message.To, options.Host, options.Port, e.GetType().Name, e.Message);
            return MailOutcome.Failed;
        }
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
