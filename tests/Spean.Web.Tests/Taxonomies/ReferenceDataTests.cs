using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Taxonomies;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Taxonomies;

public abstract class ReferenceDataTests(SpeanApp app)
{
    [Fact]
    public async Task Api_lists_the_193_UN_member_States_with_their_regional_groups()
    {
        var countries = await app.AnonymousClient().GetJsonAsync("/api/v1/countries?unMember=true");

        Assert.Equal(193, countries.GetArrayLength());
        var byGroup = countries.EnumerateArray().GroupBy(c => c.GetProperty("regionalGroup").GetString())
            .ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(54, byGroup["African"]);
        Assert.Equal(54, byGroup["AsiaPacific"]);
        Assert.Equal(33, byGroup["LatinAmericanAndCaribbean"]);
        Assert.Equal(29, byGroup["WesternEuropeanAndOthers"]);
        Assert.Equal(23, byGroup["EasternEuropean"]);
        var cambodia = countries.EnumerateArray().Single(c => c.GetProperty("iso3").GetString() == "KHM");
        Assert.Contains("ASEAN", cambodia.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
        Assert.True(cambodia.GetProperty("mineBanParty").GetBoolean());
        Assert.False(cambodia.GetProperty("clusterMunitionsParty").GetBoolean());
    }

    [Fact]
    public async Task Every_country_has_a_Khmer_name_of_its_own_in_Khmer_script()
    {
        var countries = (await app.AnonymousClient().GetJsonAsync("/api/v1/countries")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("iso3").GetString()!, c => c.GetProperty("nameKm").GetString()!);

        Assert.Equal(252, countries.Count);
        Assert.All(countries.Values, name =>
        {
            Assert.Matches("^[\u1780-\u17FF]+( [\u1780-\u17FF]+)*$", name);
            Assert.True(name.IsNormalized(NormalizationForm.FormC), name);
        });
        Assert.Equal(countries.Count, countries.Values.Distinct().Count());
        Assert.Equal(("កម្ពុជា", "ថៃ", "សាធារណរដ្ឋកូរ៉េ"), (countries["KHM"], countries["THA"], countries["KOR"]));
    }

    [Fact]
    public async Task A_database_loaded_before_countries_had_Khmer_names_gets_them_at_the_next_start()
    {
        await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Countries
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.NameKm, "")));

        await app.WithScopeAsync(services => services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true));

        var names = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Countries
            .ToDictionaryAsync(c => c.Iso3, c => c.NameKm));
        Assert.DoesNotContain("", names.Values);
        Assert.Equal("កម្ពុជា", names["KHM"]);
    }

    [Fact]
    public async Task Gazetteer_drills_down_from_25_provinces_to_the_districts_of_Phnom_Penh()
    {
        var client = app.AnonymousClient();
        var provinces = await client.GetJsonAsync("/api/v1/gazetteer");
        Assert.Equal(25, provinces.GetArrayLength());

        var phnomPenh = provinces.EnumerateArray().Single(p => p.GetProperty("nameLatin").GetString() == "Phnom Penh");
        var detail = await client.GetJsonAsync($"/api/v1/gazetteer/{phnomPenh.GetProperty("code").GetString()}");

        var districts = detail.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(14, districts.Count);
        Assert.All(districts, d => Assert.Equal("ខណ្ឌ", d.GetProperty("typeKm").GetString()));
        Assert.Contains(districts, d => d.GetProperty("nameLatin").GetString() == "Chamkar Mon");
    }

    [Fact]
    public async Task Gazetteer_search_finds_places_by_Khmer_or_Latin_name()
    {
        var client = app.AnonymousClient();
        var khmer = await client.GetJsonAsync("/api/v1/gazetteer/search?q=" + Uri.EscapeDataString("ព្រះវិហារ"));
        var latin = await client.GetJsonAsync("/api/v1/gazetteer/search?q=preah%20vihear");

        Assert.Equal("13", khmer[0].GetProperty("code").GetString());
        Assert.Equal("13", latin[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_gazetteer_code_is_a_problem_a_person_can_read()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/gazetteer/99999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("99999999", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sdgs_hold_17_goals_169_targets_in_English_and_Khmer()
    {
        var sdgs = await app.AnonymousClient().GetJsonAsync("/api/v1/sdgs");
        var items = sdgs.EnumerateArray().ToList();

        Assert.Equal(17, items.Count(i => i.GetProperty("level").GetString() == "Goal"));
        Assert.Equal(169, items.Count(i => i.GetProperty("level").GetString() == "Target"));
        Assert.All(items, i => Assert.Matches("[\u1780-\u17FF]", i.GetProperty("titleKm").GetString()));
    }

    [Fact]
    public async Task Loading_the_reference_data_again_changes_nothing()
    {
        var summaries = await app.WithScopeAsync(services =>
            services.GetRequiredService<ReferenceDataImporter>().ImportAllAsync(ReferenceDataImporter.ShippedDataDirectory));

        Assert.All(summaries, s => Assert.Equal((0, 0), (s.Created, s.Updated)));
        var units = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().AdminUnits.CountAsync());
        Assert.Equal(16_432 + 25, units);
    }

    [Fact]
    public async Task Database_has_no_model_change_missing_from_its_migrations()
    {
        var pending = await app.WithScopeAsync(services =>
            Task.FromResult(services.GetRequiredService<SpeanDbContext>().Database.HasPendingModelChanges()));

        Assert.False(pending, $"Run scripts/add-migration.sh: the model has changes that no {app.Provider} migration holds.");
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteReferenceDataTests(SqliteApp app) : ReferenceDataTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresReferenceDataTests(PostgresApp app) : ReferenceDataTests(app);
