using Spean.Core.Taxonomies;

namespace Spean.Core.Campaigns.Treaties;

public static class TreatyNames
{
    public static string En(Treaty treaty) => treaty switch
    {
        Treaty.MineBan => "Mine Ban Treaty",
        _ => "Convention on Cluster Munitions",
    };

    public static string Km(Treaty treaty) => treaty switch
    {
        Treaty.MineBan => "អនុសញ្ញាហាមឃាត់មីនប្រឆាំងមនុស្ស",
        _ => "អនុសញ្ញាស្ដីពីគ្រាប់បែកចង្កោម",
    };

    /// <summary>The statuses the membership table stores; the shipped lists use "member" and "former_member".</summary>
    public const string Party = "member", Signatory = "signatory", Withdrawn = "former_member";
}
