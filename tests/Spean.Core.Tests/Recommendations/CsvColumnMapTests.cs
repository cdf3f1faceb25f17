using System.Text;
using Spean.Core.Recommendations;

namespace Spean.Core.Tests.Recommendations;

public sealed class CsvColumnMapTests
{
    private static readonly string[] NewCycle =
        ["text=Recommendation", "sur=SuR", "from=Recommending States", "session=Session", "response=Position", "date=Review date", "sdgs=SDG targets"];

    private const string Header = "SuR,Session,Recommending States,Recommendation,Position,Review date,SDG targets\n";

    [Fact]
    public void Columns_are_found_by_the_mapped_names_in_any_order_and_the_cycle_follows_the_session()
    {
        var file = Read(Header
            + "Cambodia,46,\"Korea, Republic of; France\",Guarantee the independence of the judiciary,Supported,2024-05-07,\"16.3; 16.6\"\n"
            + "Cambodia,26,Japan,Adopt a law on access to information,Accepted,,\n");

        Assert.Empty(file.Rejected);
        var judiciary = file.Rows[0];
        Assert.Equal(("Cambodia", 46, 4, "Supported"), (judiciary.StateUnderReview, judiciary.Session, judiciary.Cycle, judiciary.Response));
        Assert.Equal("Korea, Republic of; France", judiciary.RecommendingState);
        Assert.Equal(new DateTime(2024, 5, 7, 0, 0, 0, DateTimeKind.Utc), judiciary.ReviewDate);
        Assert.Equal(["16.3", "16.6"], judiciary.SdgTargets);
        Assert.Equal((2, null), (file.Rows[1].Cycle, file.Rows[1].ReviewDate));
        Assert.Equal(["date", "from", "response", "sdgs", "session", "sur", "text"], file.Fields.Order());
    }

    [Fact]
    public void Bad_rows_are_rejected_with_their_line_and_a_reason_naming_the_mapped_column()
    {
        var file = Read(Header
            + ",46,France,Guarantee the independence of the judiciary,Supported,2024-05-07,\n"
            + "Cambodia,46,France,Adopt a law,Supported,07/05/2024,\n"
            + "Cambodia,forty-six,France,Adopt a law,Supported,,\n"
            + "Cambodia,46,France,Adopt a law,Supported,,\n");

        Assert.Single(file.Rows);
        Assert.Equal(
            [(2, "The State under Review (SuR) is empty."), (3, "Date '07/05/2024' is not a date written YYYY-MM-DD."), (4, "Session 'forty-six' is not a session number.")],
            file.Rejected.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public void A_mapped_column_missing_from_the_file_is_one_error_that_names_it_and_the_columns_found()
    {
        var file = Read("SuR,Session,From,Recommendation\nCambodia,46,France,Adopt a law\n");

        Assert.Empty(file.Rows);
        var error = Assert.Single(file.Rejected);
        Assert.Equal(1, error.Line);
        Assert.Contains("lacks the column(s) Recommending States, Position, Review date, SDG targets", error.Reason);
        Assert.Contains("Columns found: SuR, Session, From, Recommendation", error.Reason);
    }

    [Theory]
    [InlineData(new[] { "text=Recommendation", "sur=SuR", "from=From" }, "The map lacks session")]
    [InlineData(new[] { "text=Recommendation", "sur=SuR", "from=From", "session=Session", "colour=Red" }, "'colour' is not a field")]
    [InlineData(new[] { "text=Recommendation", "text=Text" }, "text is mapped twice")]
    [InlineData(new[] { "Recommendation" }, "is not field=Column")]
    public void A_map_that_cannot_work_is_refused_with_the_reason(string[] pairs, string reason)
    {
        var (map, error) = CsvColumnMap.Parse(pairs);

        Assert.Null(map);
        Assert.Contains(reason, error!.Message);
    }

    [Theory]
    [InlineData("France; Germany", new[] { "France", "Germany" })]
    [InlineData("France, Germany", new[] { "France", "Germany" })]
    [InlineData("Korea, Republic of", new[] { "Korea, Republic of" })]
    [InlineData("Korea, Republic of, Japan", new[] { "Korea, Republic of", "Japan" })]
    [InlineData("France, Atlantis", new[] { "France, Atlantis" })]
    [InlineData("&#40;Unknown&#41;", new[] { "(Unknown)" })]
    [InlineData("France;france", new[] { "France" })]
    public void A_joint_recommendation_is_split_into_its_States_without_cutting_names_that_hold_commas(string cell, string[] names)
    {
        var states = new StateNames(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["France"] = "FRA", ["Germany"] = "DEU", ["Japan"] = "JPN", ["Korea, Republic of"] = "KOR",
        });

        Assert.Equal(names, states.Split(cell));
    }

    private static UprInfoFile Read(string csv) =>
        UprInfoCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvColumnMap.Parse(NewCycle).Value!);
}
