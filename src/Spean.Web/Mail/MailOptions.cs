using System.Diagnostics.CodeAnalysis;

namespace Spean.Web.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
internal enum MailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, refused if the server cannot (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a relay on the same machine or a private network.</summary>
    None,
}

/// <summary>
/// The SMTP server that sends account e-mail, bound from "Spean:Mail". Kept in configuration (appsettings, environment
/// or a secrets file), never in the database, so the password is in no backup and no web page can change where password
/// links are sent (docs/adr/0013-account-mail-through-smtp.md).
/// </summary>
internal sealed class MailOptions
{
    public const string Section = "Spean:Mail";

    /// <summary>No host: no e-mail is sent, and password links are written to the server's log.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    public string FromName { get; set; } = "Spean";

    [MemberNotNullWhen(true, nameof(Host))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
