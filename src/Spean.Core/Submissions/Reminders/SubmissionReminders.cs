using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Core.Submissions.Calendar;

namespace Spean.Core.Submissions.Reminders;

/// <summary>
/// A week and a day before a draft's deadline, the members of each cluster lead organisation whose section is still empty
/// or over its share of the limit are told so. A section's share is the limit divided among the clusters. The title names
/// the submission, which only the lead's members (signatories) may read, and is stored per user.
/// </summary>
internal sealed class SubmissionReminders(SpeanDbContext db, SubmissionWords words) : IReminderSource
{
    public static readonly NotificationTopic Topic = new("submission-deadline",
        "Submission deadlines: sections still empty or over the limit", "ថ្ងៃផុតកំណត់នៃរបាយការណ៍ដាក់ជូន៖ ផ្នែកដែលនៅទទេ ឬលើសចំនួនពាក្យកំណត់", EmailByDefault: true);

    public async IAsyncEnumerable<Reminder> DueAsync(DateTime nowUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var drafts = await (from s in db.Set<Submission>()
                            join r in db.Set<UprReview>() on s.UprReviewId equals r.Id
                            where s.Status == SubmissionStatus.Draft && r.ReviewDate > DateOnly.FromDateTime(nowUtc)
                            select new { s.Id, s.LeadOrganisationId, s.Title, r.SubmissionDeadlineUtc, r.ReviewDate }).ToListAsync(cancellationToken);
        foreach (var draft in drafts)
        {
            var deadline = draft.SubmissionDeadlineUtc ?? UprDates.EstimatedDeadlineUtc(draft.ReviewDate);
            var left = deadline - nowUtc;
            if (left <= TimeSpan.Zero || left > TimeSpan.FromDays(7)) continue;
            var window = left <= TimeSpan.FromDays(1) ? "1d" : "7d";
            var submission = await db.Set<Submission>().Include(s => s.Signatories).Include(s => s.Clusters).AsSplitQuery()
                .SingleAsync(s => s.Id == draft.Id, cancellationToken);
            var counts = await words.CountAsync(submission, cancellationToken);
            var share = counts.Limit / Math.Max(1, counts.Sections.Count);
            foreach (var section in counts.Sections.Where(s => s.Empty || s.WordsEn > share || counts.OverLimit))
            {
                var cluster = submission.Clusters.Single(c => c.Id == section.ClusterId);
                if (cluster.LeadOrganisationId is not { } lead) continue;
                var users = await db.Users.Where(u => u.OrganisationId == lead && u.Role <= Role.Member && u.DisabledAt == null)
                    .Select(u => u.Id).ToListAsync(cancellationToken);
                var days = Math.Max(1, (int)Math.Ceiling(left.TotalDays));
                var (en, km) = section.Empty
                    ? ($"{draft.Title}: the section \"{section.NameEn}\" is still empty, {days} day(s) before the deadline",
                        $"{draft.Title}៖ ផ្នែក «{section.NameKm}» នៅទទេនៅឡើយ នៅសល់ {days} ថ្ងៃទៀតដល់ថ្ងៃផុតកំណត់")
                    : ($"{draft.Title}: the section \"{section.NameEn}\" has {section.WordsEn} words, over its share of {share}, {days} day(s) before the deadline",
                        $"{draft.Title}៖ ផ្នែក «{section.NameKm}» មាន {section.WordsEn} ពាក្យ លើសចំណែករបស់វា {share} ពាក្យ នៅសល់ {days} ថ្ងៃទៀតដល់ថ្ងៃផុតកំណត់");
                yield return new Reminder(Topic, users, new NotificationText(Trim(en), Trim(km), $"/submissions/{draft.Id}/sections/{cluster.Id}"),
                    $"submission-deadline:{draft.Id}:{cluster.Id}:{window}");
            }
        }
    }

    private static string Trim(string text) => text.Length <= 500 ? text : text[..499] + "…";
}
