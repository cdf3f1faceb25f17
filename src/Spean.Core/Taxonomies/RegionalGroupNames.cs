namespace Spean.Core.Taxonomies;

public static class RegionalGroupNames
{
    public static string English(RegionalGroup group) => group switch
    {
        RegionalGroup.African => "African Group",
        RegionalGroup.AsiaPacific => "Asia-Pacific Group",
        RegionalGroup.EasternEuropean => "Eastern European Group",
        RegionalGroup.LatinAmericanAndCaribbean => "Latin American and Caribbean Group (GRULAC)",
        _ => "Western European and Others Group (WEOG)",
    };
}
