using Spean.Core;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Submissions;

namespace Spean.Web.Submissions;

internal sealed record WordFile(byte[] Bytes, string Name);

/// <summary>The Word document for the API and the page's download alike: the same checks, the same trail.</summary>
internal static class SubmissionExport
{
    public static async Task<Outcome<WordFile>> WordAsync(
        SubmissionEditor editor, SubmissionText text, SubmissionWords words, AuditTrail audit, Viewer viewer, bool signedIn, Guid id, string language,
        CancellationToken cancellationToken)
    {
        if (await editor.FindAsync(id, viewer, cancellationToken) is not { } submission) return SubmissionEditor.NotFound();
        // Nothing beyond the limit leaves: OHCHR does not read past it, and the English text is the one that is sent.
        var counts = await words.CountAsync(submission, cancellationToken);
        if (counts.OverLimit) return counts.Refusal();
        var document = await text.BuildAsync(submission, language, cancellationToken);
        if (signedIn && submission.Status != SubmissionStatus.Published)
            await audit.RecordAsync(AuditAction.Exported, $"submission {submission.Id} as a Word document in {language}", cancellationToken: cancellationToken);
        using var file = new MemoryStream();
        await SubmissionWordDocument.WriteAsync(document, file, cancellationToken);
        return new WordFile(file.ToArray(), SubmissionWordDocument.FileName(document));
    }
}
