using System.Text;
using Spean.Core.Recommendations;

namespace Spean.Core.Tests.Recommendations;

public sealed class UprInfoCsvTests
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_sessions_1-18.csv");

    private const string Header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session,Cycle\n";

    [Fact]
    public void Shipped_file_reads_whole_with_Cambodias_session_18_figures()
    {
        var file = UprInfoCsv.Read(Shipped);

        Assert.Empty(file.Rejected);
        Assert.Equal(35_469, file.Rows.Count);
        var cambodia18 = file.Rows.Where(r => r.StateUnderReview == "Cambodia" && r.Session == 18).ToList();
        Assert.Equal(205, cambodia18.Count);
        Assert.Equal(163, cambodia18.Count(r => r.Response == "Supported"));
        Assert.Equal(42, cambodia18.Count(r => r.Response == "Noted"));
    }

    [Fact]
    public void Malformed_rows_are_reported_with_line_and_reason_and_good_rows_still_come_through()
    {
        var csv = Header
            + "Cambodia,Asia,ASEAN,Ratify the Convention,France,WEOG,EU,Accepted,5,International instruments,18,2\n"
            + "Cambodia,Asia,ASEAN,,France,WEOG,EU,Accepted,5,Justice,18,2\n"
            + "Cambodia,Asia,ASEAN,Consider a law,France,WEOG,EU,Accepted,9,Justice,18,2\n"
            + "Cambodia,Asia,ASEAN,Consider a law,France,WEOG,EU,Maybe,3,Justice,18,2\n"
            + "Cambodia,Asia,ASEAN,Consider a law,France,WEOG,EU,Noted,3,Justice,eighteen,2\n"
            + "Cambodia,Asia,ASEAN,\" Adopt a law, and apply it \",Japan,Asia,,Noted,5,\"Justice,Women's rights\",18,2\n";

        var file = UprInfoCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(["Justice", "Women's rights"], file.Rows[1].Issues);
        Assert.Equal("Adopt a law, and apply it", file.Rows[1].Text);
        Assert.Equal(
            [(3, "empty"), (4, "1 to 5"), (5, "Supported, Accepted or Noted"), (6, "session number")],
            file.Rejected.Select(r => (r.Line, Keyword(r.Reason))).ToList());
    }

    [Fact]
    public void A_file_without_the_needed_columns_is_refused_with_the_missing_names()
    {
        var file = UprInfoCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes("To,Text\nCambodia,Ratify\n")));

        Assert.Empty(file.Rows);
        Assert.Contains("From, Response, Action, Issue, Session", file.Rejected.Single().Reason);
    }

    [Fact]
    public void Mac_Roman_files_with_old_Mac_line_ends_read_correctly()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = (Header + "C\u00f4te d'Ivoire,Africa,AU,Prot\u00e9ger les d\u00e9fenseurs,France,WEOG,EU,Noted,4,Justice,12,1\n").Replace('\n', '\r');

        var file = UprInfoCsv.Read(new MemoryStream(Encoding.GetEncoding(10000).GetBytes(csv)));

        var row = Assert.Single(file.Rows);
        Assert.Equal("C\u00f4te d'Ivoire", row.StateUnderReview);
        Assert.Equal("Prot\u00e9ger les d\u00e9fenseurs", row.Text);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 1)]
    [InlineData(13, 2)]
    [InlineData(27, 3)]
    [InlineData(41, 4)]
    public void Sessions_belong_to_their_cycle(int session, int cycle) => Assert.Equal(cycle, UprInfoCsv.CycleOf(session));

    [Theory]
    [InlineData("KHM", 18, " Korea, Republic of ", "Ratify the\tConvention  against Torture\n", "b142448bc17dfb65314eb1910342e62b798eef6a44533f140337c30ad3e90c72")]
    [InlineData("CIV", 6, "côte d'ivoire; straße", "  Protéger les défenseurs des droits de l'homme, ß et ǆ 𐐨  ", "5dc6bf5d0828222318f3bdab6641756da2cd3be3e3b93640c36b8878e583cfaa")]
    [InlineData("KHM", 46, "", "x", "19366a9bcb7f90f1ed797f0ac9b11b4baf8ea042c62d0015b239bf102551aa86")]
    public void Import_keys_stay_those_stored_databases_hold(string sur, int session, string from, string text, string key) =>
        Assert.Equal(key, RecommendationImporter.ImportKey(sur, session, from, text));

    private static readonly string[] Keywords = ["empty", "1 to 5", "Supported, Accepted or Noted", "session number"];

    private static string Keyword(string reason) => Keywords.First(reason.Contains);
}
