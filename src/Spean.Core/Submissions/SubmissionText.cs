using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Submissions.Calendar;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Submissions;

public sealed record SubmittingOrganisation(string Name, string? Description);

public sealed record DocumentParagraph(Guid Id, int Number, ParagraphKind Kind, string Text, IReadOnlyList<string> Footnotes)
{
    public int Words => WordCount.Of(Text) + Footnotes.Sum(WordCount.Of);
}

public sealed record DocumentSection(Guid ClusterId, int Number, string Heading, IReadOnlyList<DocumentParagraph> Paragraphs)
{
    public int Words => Paragraphs.Sum(p => p.Words);
}

/// <summary>
/// A submission as it reads in one language: the submitting organisations, then each cluster's numbered paragraphs and
/// recommendations with their footnotes. The word count, the Word document and the factsheets read this one text, so
/// what is counted is what is sent.
/// </summary>
public sealed record SubmissionDocument(
    string Title, string StateName, int Cycle, string Language, SubmissionKind Kind, IReadOnlyList<SubmittingOrganisation> Organisations,
    IReadOnlyList<DocumentSection> Sections)
{
    public int Words => Sections.Sum(s => s.Words);
}

public sealed class SubmissionText(SpeanDbContext db)
{
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
    private static readonly System.Globalization.CultureInfo Khmer = System.Globalization.CultureInfo.GetCultureInfo("km-KH");

    /// <param name="language">en or km; a paragraph with no text in that language is left out of that language's document.</param>
    public async Task<SubmissionDocument> BuildAsync(Submission submission, string language, CancellationToken cancellationToken = default)
    {
        var km = language == "km";
        var review = await db.Set<UprReview>().SingleAsync(r => r.Id == submission.UprReviewId, cancellationToken);
        var state = await db.Countries.Where(c => c.Iso3 == submission.StateIso3).Select(c => km ? c.NameKm : c.Name)
            .SingleAsync(cancellationToken);
        var signed = submission.Signatories.Where(s => s.Status == SignatoryStatus.SignedOn).ToList();
        var signedIds = signed.Select(s => s.OrganisationId).ToList();
        var names = await db.Organisations.Where(o => signedIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var organisations = signed.OrderBy(s => s.OrganisationId != submission.LeadOrganisationId).ThenBy(s => s.SignedAt)
            .Select(s => new SubmittingOrganisation(
                km ? names[s.OrganisationId].NameKm ?? names[s.OrganisationId].Name : names[s.OrganisationId].Name,
                km ? s.DescriptionKm ?? s.DescriptionEn : s.DescriptionEn ?? s.DescriptionKm)).ToList();

        var clusterIds = submission.Clusters.Select(c => c.Id).ToList();
        var paragraphs = await db.Set<Paragraph>().Where(p => clusterIds.Contains(p.ClusterId)).Include(p => p.Sources)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var reportIds = paragraphs.SelectMany(p => p.ReportIds).Distinct().ToList();
        var reports = await db.Reports.Where(r => reportIds.Contains(r.Id))
            .Select(r => new { r.Id, r.OccurredFrom, r.AdminUnitCode, r.CountryIso3, r.Confidentiality }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var unitCodes = reports.Values.Select(r => r.AdminUnitCode).OfType<string>().Distinct().ToList();
        var provinceOf = await db.AdminUnits.Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.ProvinceCode, cancellationToken);
        var provinceCodes = provinceOf.Values.Distinct().ToList();
        var provinces = await db.AdminUnits.Where(u => provinceCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => km ? u.NameKm : u.NameLatin, cancellationToken);
        var countryCodes = reports.Values.Select(r => r.CountryIso3).OfType<string>().Distinct().ToList();
        var countries = await db.Countries.Where(c => countryCodes.Contains(c.Iso3)).ToDictionaryAsync(c => c.Iso3, c => km ? c.NameKm : c.Name, cancellationToken);

        string ReportNote(Guid id)
        {
            var label = km ? "របាយការណ៍ពីមូលដ្ឋាន" : "Field report";
            if (!reports.TryGetValue(id, out var r)) return label;
            var month = r.OccurredFrom.ToString("MMMM yyyy", km ? Khmer : English);
            // Month and province (or country) only: never a title, a person or a place finer than a province; a Restricted report not even that.
            if (r.Confidentiality == Confidentiality.Restricted) return $"{label}, {month}";
            var where = r.CountryIso3 is { } iso3 ? countries.GetValueOrDefault(iso3)
                : provinceOf.TryGetValue(r.AdminUnitCode!, out var code) ? provinces.GetValueOrDefault(code) : null;
            return where is null ? $"{label}, {month}" : $"{label}, {month}, {where}";
        }

        var sections = new List<DocumentSection>();
        var number = 1;
        foreach (var cluster in submission.Clusters.OrderBy(c => c.Number))
        {
            var items = new List<DocumentParagraph>();
            foreach (var p in paragraphs.Where(p => p.ClusterId == cluster.Id).OrderBy(p => p.Kind).ThenBy(p => p.Position))
            {
                var text = km ? p.TextKm : p.TextEn;
                if (string.IsNullOrWhiteSpace(text)) continue;
                var notes = p.Sources.OrderBy(s => s.Order).Select(s => s.Url is null ? s.Text : $"{s.Text}, {s.Url}")
                    .Concat(p.ReportIds.Select(ReportNote)).ToList();
                items.Add(new DocumentParagraph(p.Id, number++, p.Kind, text.Trim(), notes));
            }
            sections.Add(new DocumentSection(cluster.Id, cluster.Number, km ? cluster.NameKm : cluster.NameEn, items));
        }
        return new SubmissionDocument(submission.Title, state, review.Cycle, km ? "km" : "en", submission.Kind, organisations, sections);
    }
}
