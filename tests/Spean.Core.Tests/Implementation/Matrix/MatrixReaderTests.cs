using System.Globalization;
using CsvHelper;
using Spean.Core.Implementation.Matrix;
using Spean.Core.Recommendations;
using Spean.Testing.Implementation.Matrix;

namespace Spean.Core.Tests.Implementation.Matrix;

public sealed class MatrixReaderTests
{
    private static readonly StateNames States = ShippedStateNames();

    [Fact]
    public void The_cycle_3_matrix_gives_215_paragraphs_182_supported_and_33_noted()
    {
        var document = Read(File.ReadAllBytes(SampleMatrices.Cycle3));

        Assert.Empty(document.Refused);
        Assert.Equal(215, document.Rows.Count);
        Assert.Equal(182, document.Rows.Count(r => r.Response == RecommendationResponse.Supported));
        Assert.Equal(33, document.Rows.Count(r => r.Response == RecommendationResponse.Noted));
        Assert.Equal(new MatrixReview("Slovenia", 34, 3), document.Review);
        var first = document.Rows.Single(r => r.Paragraph == "121.1");
        Assert.Equal("Ratify the International Convention for the Protection of All Persons from Enforced Disappearance", first.Text);
        Assert.Equal(["France", "Lithuania"], first.RecommendingStates);
        Assert.Equal("A/HRC/43/15 - Para 121", first.PositionSource);
        Assert.Equal(["Acceptance of international norms", "Enforced disappearances"], first.Themes);
        Assert.Equal(["Disappeared persons"], first.AffectedPersons);
        Assert.Equal([16], first.SdgGoals);
        var twoStates = document.Rows.Single(r => r.Paragraph == "121.2");
        Assert.Equal(["Ukraine", "Slovakia"], twoStates.RecommendingStates);
        Assert.Contains("(Ukraine); Increase efforts", twoStates.Text);
        var ampersand = document.Rows.Single(r => r.Paragraph == "121.3");
        Assert.Contains("Right to work and to just & favorable conditions of work & labour rights", ampersand.Themes);
        Assert.Equal(["United Kingdom of Great Britain and Northern Ireland"], ampersand.RecommendingStates);
        Assert.Contains("(No. 29)", ampersand.Text);
        Assert.Empty(document.Rows.SelectMany(r => r.RecommendingStates).Where(s => MatrixImporter.Iso3(States, s) is null).Distinct());
    }

    [Fact]
    public void The_cycle_4_matrix_gives_254_paragraphs_217_supported_and_37_noted_with_their_SDGs()
    {
        var document = Read(File.ReadAllBytes(SampleMatrices.Cycle4));

        Assert.Empty(document.Refused);
        Assert.Equal(254, document.Rows.Count);
        Assert.Equal(217, document.Rows.Count(r => r.Response == RecommendationResponse.Supported));
        Assert.Equal(37, document.Rows.Count(r => r.Response == RecommendationResponse.Noted));
        Assert.Equal(new MatrixReview("Slovenia", 48, 4), document.Review);
        var row = document.Rows.Single(r => r.Paragraph == "140.7");
        Assert.Equal(["Maldives", "Portugal"], row.RecommendingStates);
        Assert.Equal("A/HRC/59/15/Add.1 - Para.3", row.PositionSource);
        Assert.Equal(["Ratification of & accession to international instruments", "Economic, social & cultural rights - general measures of implementation"], row.Themes);
        Assert.Equal(["Public officials"], row.AffectedPersons);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], row.SdgGoals);
        Assert.Equal(["Indigenous peoples", "Public officials", "Minorities/ racial, ethnic, linguistic, religious or descent-based groups"],
            document.Rows.Single(r => r.Paragraph == "140.230").AffectedPersons);
        Assert.All(document.Rows, r => Assert.NotEmpty(r.Themes));
        Assert.Empty(document.Rows.SelectMany(r => r.RecommendingStates).Where(s => MatrixImporter.Iso3(States, s) is null).Distinct());
    }

    [Fact]
    public void A_matrix_in_a_third_layout_is_read_by_meaning_and_its_bad_row_is_refused_with_paragraph_and_reason()
    {
        var document = Read(SampleMatrices.ThirdLayout());

        Assert.Equal(new MatrixReview("Cambodia", null, 5), document.Review);
        Assert.Equal(["7.1", "7.2", "7.3"], document.Rows.Select(r => r.Paragraph));
        var refused = Assert.Single(document.Refused);
        Assert.Equal("7.4", refused.Paragraph);
        Assert.Contains("No recommending State", refused.Reason);
        var (first, second, third) = (document.Rows[0], document.Rows[1], document.Rows[2]);
        Assert.Equal("Strengthen the independence of the national human rights institution", first.Text);
        Assert.Equal(["Bolivia (Plurinational State of)", "Türkiye"], first.RecommendingStates);
        Assert.Equal(RecommendationResponse.Supported, first.Response);
        Assert.Equal("A/HRC/99/9/Add.1 – para. 7", first.PositionSource);
        Assert.Equal([5, 16], first.SdgGoals);
        Assert.Equal(["Women & girls"], first.AffectedPersons);
        Assert.Equal(["National Human Rights Institution", "Women's rights"], second.Themes);
        Assert.Equal(RecommendationResponse.Pending, second.Response);
        Assert.Equal(["Republic of Korea"], second.RecommendingStates);
        Assert.Equal(RecommendationResponse.Noted, third.Response);
        Assert.Equal(["Sweden", "Norway"], third.RecommendingStates);
        Assert.Equal("BOL", MatrixImporter.Iso3(States, "Bolivia (Plurinational State of)"));
    }

    [Fact]
    public void A_file_that_is_not_a_Word_document_is_refused_with_what_to_do()
    {
        var (document, problem) = MatrixReader.Read(new MemoryStream("paragraph,text\n1.1,Ratify"u8.ToArray()), _ => true);

        Assert.Null(document);
        Assert.Equal(MatrixProblem.NotAWordFile, problem!.Code);
        Assert.Contains(".docx", problem.Message);
    }

    private static MatrixDocument Read(byte[] file)
    {
        var (document, problem) = MatrixReader.Read(new MemoryStream(file), name => MatrixImporter.Iso3(States, name) is not null);
        Assert.Null(problem);
        return document!;
    }

    private static StateNames ShippedStateNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { "countries.csv", "state_name_aliases.csv" })
        {
            using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", "reference", file));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                if (file == "countries.csv")
                {
                    names.TryAdd(csv.GetField("name")!, csv.GetField("iso3")!);
                    names.TryAdd(csv.GetField("official_name")!, csv.GetField("iso3")!);
                }
                else names[csv.GetField("alias")!] = csv.GetField("iso3")!;
            }
        }
        return new StateNames(names);
    }
}
