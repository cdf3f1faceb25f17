namespace Spean.Web.Components;

/// <summary>
/// A part of another module's page, contributed by the module that owns its data (the assessments on a recommendation's
/// page, the links on a report's page), so the page names no module above its own. The page hands each section its
/// parameters; a section that has nothing to show for the reader renders nothing.
/// </summary>
/// <param name="Page">The page's name for its sections, e.g. <see cref="PageSections.RecommendationDetail"/>.</param>
/// <param name="Order">Where the section stands among the page's sections, lowest first.</param>
public sealed record PageSection(string Page, int Order, Type Component);

public static class PageSections
{
    /// <summary>Sections of a recommendation's page receive <c>RecommendationId</c> (Guid).</summary>
    public const string RecommendationDetail = "RecommendationDetail";

    /// <summary>
    /// Sections of the recommendations search receive <c>Total</c> (int, the matches) and <c>Filters</c> (string, the
    /// search's query string); they are shown to members and above, whose hits carry a checkbox for the form "assess-selected".
    /// </summary>
    public const string RecommendationSearch = "RecommendationSearch";

    /// <summary>Sections of a report's page receive <c>Report</c> (the report the reader may see).</summary>
    public const string Report = "Report";

    /// <summary>Sections of a register entry's page receive <c>Stakeholder</c> (the StakeholderView the reader may see).</summary>
    public const string Stakeholder = "Stakeholder";

    /// <summary>Sections of the recommendations' page of one State receive <c>Iso3</c> (the State under Review).</summary>
    public const string RecommendationState = "RecommendationState";

    /// <summary>
    /// Sections of every page's header, shown to signed-in readers beside their name (the notification bell); they receive
    /// no parameters and read the signed-in user from the request.
    /// </summary>
    public const string Header = "Header";

    /// <summary>Sections of a signed-in reader's home page under "what awaits you"; they receive <c>Viewer</c> (Spean.Core.Accounts.Viewer).</summary>
    public const string HomeAwaiting = "HomeAwaiting";

    /// <summary>Sections of a signed-in reader's home page under "recent activity of your organisation"; they receive <c>Viewer</c>.</summary>
    public const string HomeActivity = "HomeActivity";

    public static IServiceCollection AddPageSection(this IServiceCollection services, PageSection section) => services.AddSingleton(section);
}
