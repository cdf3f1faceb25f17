namespace Spean.Web.Notifications;

/// <summary>The reminder timer and the e-mail of notifications, bound from "Spean:Notifications".</summary>
internal sealed class NotificationOptions
{
    public const string Section = "Spean:Notifications";

    /// <summary>Minutes between two runs of the reminder sources and the e-mail delivery.</summary>
    public int ReminderMinutes { get; set; } = 60;

    /// <summary>Off: nothing runs on a timer (tests, or a CLI cron job instead); the web app still shows notifications.</summary>
    public bool ReminderTimer { get; set; } = true;

    /// <summary>
    /// The address people open Spean at ("https://spean.example.org"), for the links in notification e-mails. Taken from
    /// configuration, never from a request's Host header, which a client chooses.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>A notification whose e-mail could not be sent for this long is no longer tried; it stays in the app.</summary>
    public int EmailGiveUpHours { get; set; } = 24;
}
