using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;
using static Spean.Web.Tests.Submissions.SubmissionsWorld;

namespace Spean.Web.Tests.Submissions;

/// <summary>Word counts against OHCHR's limit, the Word document read back, and the deadline reminders.</summary>
public abstract class SubmissionDocumentTests(SpeanApp app)
{
    private static string Words(int count, string word = "land") => string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public async Task Footnotes_count_Khmer_is_counted_by_the_segmenter_and_paragraphs_without_English_are_listed()
    {
        var world = await CreateAsync(app);
        var land = world.Cluster(5);
        await world.AddParagraphAsync(world.LeadMember, land, new
        {
            textEn = "Evictions continue in Preah Vihear — and elsewhere.", sources = new[] { new { text = "LICADHO report", url = "https://example.org/r" } },
        });
        var khmerOnly = await world.AddParagraphAsync(world.LeadMember, land, new { textKm = "ការបណ្ដេញចេញដោយបង្ខំនៅតែបន្ត។" });

        var words = await world.LeadMember.GetJsonAsync($"{world.Of}/words");
        var section = words.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("clusterId").GetGuid() == land);
        // 7 words in the text (the dash is not one), 3 in the footnote "LICADHO report, https://example.org/r".
        Assert.Equal(10, section.GetProperty("wordsEn").GetInt32());
        Assert.True(section.GetProperty("wordsKm").GetInt32() is >= 3 and <= 6, section.ToString());
        Assert.Equal(1, section.GetProperty("withoutEnglish").GetInt32());
        Assert.Equal(khmerOnly.GetProperty("id").GetGuid(), words.GetProperty("paragraphsWithoutEnglish").EnumerateArray().Single().GetGuid());
        Assert.Equal(10, words.GetProperty("wordsEn").GetInt32());
        Assert.False(words.GetProperty("overLimit").GetBoolean());
    }

    [Fact]
    public async Task Over_the_limit_the_export_and_sending_are_refused_naming_the_sections_to_cut()
    {
        var world = await CreateAsync(app);
        foreach (var number in new[] { 5, 5, 3 })
            await world.AddParagraphAsync(world.LeadMember, world.Cluster(number), new { textEn = Words(2000) });

        var refused = await ProblemAsync(await world.LeadMember.GetAsync($"{world.Of}/document.docx"), HttpStatusCode.Conflict);
        Assert.Equal("OverLimit", refused.GetProperty("code").GetString());
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("6000 words, over its limit of 5630", detail);
        Assert.Contains("Land and natural resources (4000)", detail);
        Assert.Contains("Cut 370 words", detail);
        await ProblemAsync(await world.LeadCoordinator.PostAsync($"{world.Of}/send", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_Word_document_reads_back_in_order_with_organisations_numbered_paragraphs_footnotes_and_Khmer_runs()
    {
        var world = await CreateAsync(app);
        var (_, reporter) = await PersonAsync(app, Role.Member, world.Lead);
        var report = await FileAsync(reporter, Input("Witness Sokha saw the bulldozers", confidentiality: "Restricted"));
        await MoveOkAsync(reporter, report, "Submitted");
        await world.AddParagraphAsync(world.LeadMember, world.Cluster(5), new { textEn = "Land concessions displace communities.", reportIds = Array.Empty<Guid>() });
        await world.AddParagraphAsync(world.LeadMember, world.Cluster(5), new { kind = "Recommendation", textEn = "Suspend economic land concessions by 2027.", textKm = "ផ្អាកសម្បទានដីសេដ្ឋកិច្ច" });
        await world.AddParagraphAsync(world.LeadMember, world.Cluster(3), new
        {
            textEn = "Courts convicted activists.", sources = new[] { new { text = "Trial monitoring report 2025", url = "https://example.org/t" } },
        });
        await world.AddParagraphAsync(reporter, world.Cluster(3), new { textEn = "A witness was threatened.", reportIds = new[] { report } });

        using var response = await world.PartnerMember.GetAsync($"{world.Of}/document.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var lines = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

        Assert.Equal("Joint submission on land and justice", lines[0]);
        Assert.StartsWith("Universal Periodic Review of Cambodia", lines[1]);
        Assert.Equal("Submitting organisations", lines[2]);
        Assert.StartsWith("Lead ", lines[3]);
        Assert.EndsWith("A human rights organisation founded in 2002.", lines[3]);
        Assert.EndsWith("A network of land activists.", lines[4]);
        Assert.Equal(["3. Access to justice", "1. Courts convicted activists.", "2. A witness was threatened.",
            "5. Land and natural resources", "3. Land concessions displace communities.", "Recommendations", "4. Suspend economic land concessions by 2027."],
            lines.Skip(5));
        var footnotes = document.MainDocumentPart.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id! > 0).Select(f => f.InnerText.Trim()).ToList();
        Assert.Equal("Trial monitoring report 2025, https://example.org/t", footnotes[0]);
        Assert.Equal("Field report, March 2025", footnotes[1]);
        Assert.DoesNotContain(footnotes, f => f.Contains("Sokha", StringComparison.Ordinal));
        var footer = document.MainDocumentPart.FooterParts.Single().Footer!.InnerXml;
        Assert.Contains("PAGE", footer);

        using var khmer = await world.PartnerMember.GetAsync($"{world.Of}/document.docx?lang=km");
        using var km = WordprocessingDocument.Open(new MemoryStream(await khmer.Content.ReadAsByteArrayAsync()), false);
        var khmerRuns = km.MainDocumentPart!.Document!.Body!.Descendants<Run>().Where(r => r.InnerText.Any(c => c is >= '\u1780' and <= '\u17FF')).ToList();
        Assert.Contains(khmerRuns, r => r.InnerText.Contains("ផ្អាកសម្បទានដីសេដ្ឋកិច្ច", StringComparison.Ordinal));
        Assert.All(khmerRuns, r => Assert.True(r.RunProperties is { ComplexScript: not null, RunFonts.ComplexScript.Value: "Khmer OS" }, r.InnerText));
    }

    [Fact]
    public async Task A_week_before_the_deadline_cluster_leads_with_empty_sections_are_reminded_once()
    {
        var deadline = DateTime.UtcNow.AddDays(5);
        var world = await CreateAsync(app, state: "THA", cycle: Random.Shared.Next(1, 21), deadline: deadline);
        var land = world.Cluster(5);
        await OkAsync(world.LeadCoordinator.PutAsJsonAsync($"{world.Of}/clusters/{land}", new
        {
            nameEn = "Land and natural resources", nameKm = "ដីធ្លី និងធនធានធម្មជាតិ", leadOrganisationId = world.Partner,
        }));
        foreach (var number in new[] { 1, 2, 3, 4, 6, 7, 8 })
            await world.AddParagraphAsync(world.LeadMember, world.Cluster(number), new { textEn = "Drafted." });
        var partnerUsers = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Users
            .Where(u => u.OrganisationId == world.Partner).Select(u => u.Id).ToListAsync());
        var leadUsers = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Users
            .Where(u => u.OrganisationId == world.Lead).Select(u => u.Id).ToListAsync());

        await app.WithScopeAsync(services => services.GetRequiredService<ReminderRun>().RunAsync());
        await app.WithScopeAsync(services => services.GetRequiredService<ReminderRun>().RunAsync());

        var notes = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Set<Notification>()
            .Where(n => n.Key.StartsWith($"submission-deadline:{world.Id}")).ToListAsync());
        Assert.Equal(partnerUsers.Order(), notes.Select(n => n.UserId).Order());
        Assert.All(notes, n =>
        {
            Assert.Equal($"submission-deadline:{world.Id}:{land}:7d", n.Key);
            Assert.Contains("\"Land and natural resources\" is still empty", n.TitleEn);
            Assert.Contains("ដីធ្លី និងធនធានធម្មជាតិ", n.TitleKm);
            Assert.Equal($"/submissions/{world.Id}/sections/{land}", n.Link);
            Assert.True(n.Email);
        });
        Assert.DoesNotContain(notes, n => leadUsers.Contains(n.UserId));
    }
}

public sealed class SqliteSubmissionDocumentTests(SqliteApp app) : SubmissionDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSubmissionDocumentTests(PostgresApp app) : SubmissionDocumentTests(app), IClassFixture<PostgresApp>;
