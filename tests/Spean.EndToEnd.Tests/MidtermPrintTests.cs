using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Implementation;
using Spean.Core.Recommendations;
using UglyToad.PdfPig;

namespace Spean.EndToEnd.Tests;

[Collection(nameof(BrowserApp))]
public sealed class MidtermPrintTests(BrowserApp app)
{
    private const string Narrative = "រដ្ឋាភិបាលបានចុះបញ្ជីដីសហគមន៍ ភូមិ ការិយាល័យ";

    [Fact]
    public async Task The_Khmer_mid_term_report_prints_to_PDF_in_a_Khmer_font_without_the_site_s_menus()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
            var organisation = new Organisation { Name = "Print " + Guid.NewGuid().ToString("N")[..6] };
            db.Organisations.Add(organisation);
            var recommendation = await db.Recommendations
                .Where(r => r.StateUnderReviewIso3 == "KHM" && r.Cycle == 2 && r.Response == RecommendationResponse.Supported)
                .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            db.Assessments.Add(new Assessment
            {
                RecommendationId = recommendation, OrganisationId = organisation.Id, Status = ImplementationStatus.PartiallyImplemented,
                AsOf = new DateOnly(2026, 3, 1), NarrativeKm = Narrative, Published = true, AuthorId = Guid.NewGuid(), Author = "Monitor",
                RecordedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var page = await app.NewDesktopPageAsync();

        await page.GotoAsync("/implementation/midterm/KHM/2?lang=km");
        await page.EvaluateAsync("document.fonts.ready");
        var pdf = await page.PdfAsync(new() { PrintBackground = true, PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotFolder, "midterm-km.pdf"), pdf);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var text = string.Concat(pages.Select(p => p.Text));
        // A subscript consonant, and a vowel the font joins with its consonant, is a glyph of its own that PdfPig maps to
        // no character (\0), so the checks use words drawn without one: that they come back at all shows they were shaped.
        Assert.Contains("របាយការណ៍ពាក់កណ", text, StringComparison.Ordinal);
        var at = text.IndexOf("2026-03-01", StringComparison.Ordinal);
        Assert.True(at >= 0, "the assessment's date is not in the PDF");
        var after = text.Substring(at, Math.Min(80, text.Length - at));
        Assert.Contains("បានចុះ", after, StringComparison.Ordinal);
        Assert.Contains("សហគមន៍ ភូមិ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Spean", text);
        var khmerFonts = pages.SelectMany(p => p.Letters).Where(l => l.Value.Any(c => c is >= '\u1780' and <= '\u17FF'))
            .Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.NotEmpty(khmerFonts);
        Assert.All(khmerFonts, f => Assert.Contains("Khmer", f, StringComparison.OrdinalIgnoreCase));
        Assert.True(pages[0].Width > pages[0].Height, "the report is not printed on a landscape page");
    }
}
