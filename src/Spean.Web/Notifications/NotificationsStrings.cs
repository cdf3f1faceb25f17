namespace Spean.Web.Notifications;

/// <summary>The Notifications module's own strings (NotificationsStrings.resx and .km.resx beside it).</summary>
internal sealed class NotificationsStrings;
