using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;

namespace Spean.Core.Tests.Recommendations;

public sealed class RecommendationQueryTests
{
    [Fact]
    public void A_page_address_reads_back_to_the_same_query_and_link()
    {
        const string link = "q=%22human%20rights%20defenders%22%20NOT%20prison&sur=KHM&response=Noted&response=Supported&issue=Torture%20and%20other%20CID%20treatment&sort=newest&page=3";

        var (query, error) = RecommendationQuery.Parse(link);

        Assert.Null(error);
        Assert.Equal("\"human rights defenders\" NOT prison", query!.Text);
        Assert.Equal(["Noted", "Supported"], query.Selected("response"));
        Assert.Equal((RecommendationSort.Newest, 3), (query.Sort, query.Page));
        Assert.Equal(link, query.ToQueryString());
    }

    [Fact]
    public void Codes_and_responses_are_understood_however_they_are_typed()
    {
        var (query, _) = RecommendationQuery.Parse("?sur=khm&response=noted&utm_source=newsletter");

        Assert.Equal(["KHM"], query!.Selected("sur"));
        Assert.Equal(["Noted"], query.Selected("response"));
        Assert.Equal("sur=KHM&response=Noted", query.ToQueryString());
    }

    [Fact]
    public void Toggling_a_value_adds_it_then_takes_it_away_and_goes_back_to_the_first_page()
    {
        var (query, _) = RecommendationQuery.Parse("sur=KHM&page=4");

        var withNoted = query!.Toggle("response", "Noted");
        var without = withNoted.Toggle("response", "Noted");

        Assert.Equal("sur=KHM&response=Noted", withNoted.ToQueryString());
        Assert.Equal("sur=KHM", without.ToQueryString());
    }

    [Theory]
    [InlineData("sort=loudest", "'sort' is one of")]
    [InlineData("page=-1", "'page' is a whole number")]
    [InlineData("pageSize=1000", "'pageSize' is a whole number from 1 to 100")]
    public void Values_that_make_no_sense_get_a_message_saying_what_would(string queryString, string message)
    {
        var (query, error) = RecommendationQuery.Parse(queryString);

        Assert.Null(query);
        Assert.StartsWith(message, error!.Message);
    }

    [Fact]
    public void An_export_asks_the_index_for_every_match_while_a_page_asks_for_its_slice()
    {
        var (query, _) = RecommendationQuery.Parse("sur=KHM&page=2&pageSize=50&sort=oldest");

        var page = query!.ToSearchRequest();
        var all = query.ToSearchRequest(all: true);

        Assert.Equal((50, 50, SearchSort.KeyAscending), (page.Skip, page.Take, page.Sort));
        Assert.Equal((0, int.MaxValue), (all.Skip, all.Take));
        Assert.Equal(["KHM"], all.Filters["sur"]);
    }
}
