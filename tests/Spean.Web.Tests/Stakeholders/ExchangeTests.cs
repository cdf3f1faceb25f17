using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Stakeholders.StakeholdersWorld;

namespace Spean.Web.Tests.Stakeholders;

/// <summary>CSV import (bad rows named, no duplicates on a second run) and CSV and vCard export holding only what the reader may see.</summary>
public abstract class ExchangeTests(SpeanApp app)
{
    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "register.csv");
        return await client.PostAsync($"{Api}/import", form);
    }

    [Fact]
    public async Task Good_rows_import_bad_rows_are_named_by_line_and_the_same_file_again_makes_no_duplicate()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, member) = await PersonAsync(app, Role.Member, a);
        var tag = "imp" + Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            external_id,kind,level,name_latin,name_khmer,place,country,concessions,tags,confidentiality,phone,email
            c-1,CommuneCouncil,Local,Prame Council,ក្រុមប្រឹក្សាឃុំព្រាំ,130101,,,{tag},Network,,
            p-1,Person,Local,Chan Dara,ចាន់ ដារា,130101,,,{tag};source,Restricted,+855 11 222 333,dara@example.org
            p-2,Wizard,Local,Nobody,,,,,{tag},Network,,
            ,Embassy,International,Embassy of Japan,,,JPN,,{tag},Public,,
            p-3,Person,Local,Far Away,,999999,,,{tag},Network,,
            """;
        using (var first = await ImportAsync(member, csv))
        {
            var result = await first.ReadJsonAsync();
            Assert.True(first.StatusCode == HttpStatusCode.OK, result.GetRawText());
            Assert.Equal(3, result.GetProperty("created").GetInt32());
            var errors = result.GetProperty("errors").EnumerateArray().ToList();
            Assert.Equal([4, 6], errors.Select(e => e.GetProperty("line").GetInt32()));
            Assert.Equal(["kind", "adminUnitCode"], errors.Select(e => e.GetProperty("field").GetString()));
        }
        using (var again = await ImportAsync(member, csv))
        {
            var result = await again.ReadJsonAsync();
            Assert.Equal(0, result.GetProperty("created").GetInt32());
            Assert.Equal(3, result.GetProperty("updated").GetInt32());
        }
        Assert.Equal(3, (await SearchAsync(member, $"tag={tag}")).GetProperty("total").GetInt32());
        var dara = (await SearchAsync(member, $"tag={tag}&q=dara")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal("+855 11 222 333", (await member.GetJsonAsync($"{Api}/{dara}")).GetProperty("contacts").GetProperty("phone").GetString());

        using var noHeader = await ImportAsync(member, "just,some\n");
        Assert.Equal("MissingColumns", (await ProblemAsync(noHeader, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_row_holding_a_NUL_character_is_named_and_the_other_rows_import()
    {
        var (_, member) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "A"));
        var tag = "nul" + Guid.NewGuid().ToString("N")[..6];
        var csv = $"kind,level,name_latin,tags,confidentiality\nPerson,Local,Chan\0Dara,{tag},Network\nPerson,Local,Sok Dara,{tag},Network\n";

        using var import = await ImportAsync(member, csv);

        var result = await import.ReadJsonAsync();
        Assert.True(import.StatusCode == HttpStatusCode.OK, result.GetRawText());
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal([2], result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Exports_hold_only_what_the_reader_may_see_and_contacts_only_where_they_may_see_them()
    {
        var a = await OrganisationAsync(app, "A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "B"));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var open = await AddAsync(author, Person("NET" + marker, "Network", word: marker));
        await AddAsync(author, Person("RES" + marker, "Restricted", word: marker));
        await AddAsync(author, new { kind = "Person", nameLatin = "=HYPERLINK(\"http://evil\") " + marker, confidentiality = "Network" });

        var mine = await author.GetStringAsync($"{Api}/export.csv?q={marker}");
        Assert.Contains("RES" + marker, mine);
        Assert.Contains("+855 12 RES" + marker, mine);
        Assert.DoesNotContain("Note RES" + marker, mine);
        Assert.Contains("'=HYPERLINK", mine);

        var theirs = await outsider.GetStringAsync($"{Api}/export.csv?q={marker}");
        Assert.Contains("NET" + marker, theirs);
        Assert.DoesNotContain("RES" + marker, theirs);

        var cards = await outsider.GetStringAsync($"{Api}/export.vcf?q={marker}&version=3");
        Assert.Equal(2, cards.Split("BEGIN:VCARD").Length - 1);
        Assert.Contains("VERSION:3.0\r\n", cards);
        Assert.Contains("TEL;TYPE=VOICE:+855 12 NET" + marker, cards);
        Assert.DoesNotContain("RES" + marker, cards);
        var one = await author.GetStringAsync($"{Api}/{open}/vcard");
        Assert.Contains("VERSION:4.0\r\n", one);
        Assert.Contains($"FN:Sok NET{marker} {marker}", one);
        Assert.Contains("NICKNAME:សុខ NET" + marker, one);
        using var visitor = await app.AnonymousClient().GetAsync($"{Api}/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, visitor.StatusCode);
    }
}

public sealed class SqliteExchangeTests(SqliteApp app) : ExchangeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresExchangeTests(PostgresApp app) : ExchangeTests(app), IClassFixture<PostgresApp>;
