using Spean.Core.Campaigns.Treaties;
using Spean.Core.Taxonomies;

namespace Spean.Core.Campaigns.Statements;

/// <summary>The draft a campaign gets when a State joins a treaty it follows; a coordinator edits and approves it.</summary>
internal static class WelcomeStatements
{
    public static Statement Draft(Guid campaignId, Treaty treaty, Country country, DateTime now, string welcomeFor) => new()
    {
        CampaignId = campaignId, CreatedAt = now, WelcomeFor = welcomeFor,
        TitleEn = $"We welcome {country.Name} to the {TreatyNames.En(treaty)}",
        TitleKm = $"យើងស្វាគមន៍{country.NameKm} ចូលជាភាគីនៃ{TreatyNames.Km(treaty)}",
        BodyEn = $"We welcome the decision of {country.Name} to join the {TreatyNames.En(treaty)}. Every State that joins strengthens the norm " +
            "against weapons that go on killing and maiming civilians long after the fighting has ended. We call on every State not yet party " +
            "to join without delay, and on all States parties to carry out their obligations in full.",
        BodyKm = $"យើងស្វាគមន៍ការសម្រេចចិត្តរបស់{country.NameKm} ក្នុងការចូលជាភាគីនៃ{TreatyNames.Km(treaty)}។ រដ្ឋនីមួយៗដែលចូលជាភាគី " +
            "ពង្រឹងបទដ្ឋានប្រឆាំងនឹងអាវុធដែលនៅតែបន្តសម្លាប់ និងធ្វើឱ្យជនស៊ីវិលពិការ យូរបន្ទាប់ពីការប្រយុទ្ធបានបញ្ចប់។ " +
            "យើងអំពាវនាវឱ្យរដ្ឋទាំងអស់ដែលមិនទាន់ជាភាគី ចូលជាភាគីដោយមិនបង្អង់យូរ ហើយឱ្យរដ្ឋភាគីទាំងអស់អនុវត្តកាតព្វកិច្ចរបស់ខ្លួនឱ្យបានពេញលេញ។",
    };
}
