using System.Globalization;
using System.Text.RegularExpressions;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Taxonomies;

[Collection(nameof(SqliteApp))]
public sealed partial class CountriesPageTests(SqliteApp app)
{
    private static readonly StringComparer Khmer = StringComparer.Create(CultureInfo.GetCultureInfo("km-KH"), ignoreCase: false);

    [Fact]
    public void This_runtime_sorts_Khmer_as_Khmer_dictionaries_do()
    {
        AssertKhmerOrder("ក", "ខ");
        // A consonant carrying a subscript (coeng) comes after every vowel of the bare consonant, before the next consonant.
        AssertKhmerOrder("កាណាដា", "កូវ៉ែត", "ក្រិក", "ខ្មែរ");
        // Independent vowels are filed with អ and their vowel (ឥ as អិ), and a register sign does not change the vowel's place:
        // code-point order, which the runtime falls back to without ICU, puts ឥណ្ឌា after every អ and ស៊ីរី after សូម៉ាលី.
        AssertKhmerOrder("អាល្លឺម៉ង់", "ឥណ្ឌា", "អ៊ីតាលី", "អូស្ត្រាលី");
        AssertKhmerOrder("សិង្ហបុរី", "ស៊ីរី", "សូម៉ាលី", "ស្រីលង្កា");
    }

    [Fact]
    public async Task In_Khmer_the_countries_page_names_every_country_in_Khmer_in_Khmer_order()
    {
        var client = app.AnonymousClient();
        await client.GetAsync("/culture/km");

        var page = await client.GetStringAsync("/countries?all=true");
        var names = KhmerName().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(252, names.Count);
        Assert.Equal(names.Order(Khmer), names);
        Assert.True(names.IndexOf("ឥណ្ឌា") < names.IndexOf("អ៊ីតាលី"), "ឥណ្ឌា is filed as អិ, before អ៊ីតាលី");
        Assert.True(names.IndexOf("កូវ៉ែត") < names.IndexOf("ក្រិក"), "ក្រ comes after every vowel of ក");
        Assert.Contains("<td>កម្ពុជា <span class=\"muted\" lang=\"en\">Cambodia</span></td>", page);
    }

    [Fact]
    public async Task In_English_the_countries_page_is_in_English_alphabetical_order()
    {
        var page = await app.AnonymousClient().GetStringAsync("/countries");
        var names = EnglishName().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(193, names.Count);
        Assert.Equal(["Afghanistan", "Albania", "Algeria"], names.Take(3));
        Assert.Equal(names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en"), ignoreCase: false)), names);
    }

    private static void AssertKhmerOrder(params string[] names)
    {
        for (var i = 1; i < names.Length; i++)
            Assert.True(Khmer.Compare(names[i - 1], names[i]) < 0, $"{names[i - 1]} should come before {names[i]}");
    }

    [GeneratedRegex("<tr>\\s*<td>([^<]+) <span class=\"muted\" lang=\"en\">")]
    private static partial Regex KhmerName();

    [GeneratedRegex("<tr>\\s*<td>([^<]+)</td>")]
    private static partial Regex EnglishName();
}
