using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Auditing;
using Spean.Core.Submissions;
using Spean.Core.Submissions.Drafting;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Submissions;

public sealed record SubmissionSummaryResponse(
    Guid Id, string Title, string StateIso3, string State, int Cycle, DateOnly ReviewDate, DateTime Deadline, string Kind, string Status, Guid LeadOrganisationId,
    string Lead, bool Invitation);

public sealed record SignatoryResponse(Guid OrganisationId, string Name, string? NameKm, string Status, string? DescriptionEn, string? DescriptionKm, bool Lead);

public sealed record SectionWordsResponse(Guid ClusterId, int Number, string NameEn, string NameKm, int Paragraphs, int WordsEn, int WordsKm, int WithoutEnglish);

public sealed record WordCountResponse(int Limit, int WordsEn, int WordsKm, bool OverLimit, IReadOnlyList<SectionWordsResponse> Sections, IReadOnlyList<Guid> ParagraphsWithoutEnglish);

public sealed record ClusterResponse(Guid Id, int Number, string NameEn, string NameKm, Guid? LeadOrganisationId, IReadOnlyList<Guid> MemberOrganisationIds);

/// <param name="Signatories">Absent for an invitation: an organisation invited and not signed on sees the title, State and lead only.</param>
public sealed record SubmissionResponse(
    SubmissionSummaryResponse Summary, IReadOnlyList<SignatoryResponse>? Signatories, IReadOnlyList<ClusterResponse>? Clusters, WordCountResponse? Words);

public sealed record NewSubmissionRequest(
    string? Title, string? StateIso3, int? Cycle, string? Kind, int? Session = null, DateOnly? ReviewDate = null, DateTime? DeadlineUtc = null,
    string? DescriptionEn = null, string? DescriptionKm = null);

public sealed record InvitationRequest(Guid OrganisationId);

public sealed record DescriptionRequest(string? DescriptionEn, string? DescriptionKm);

public sealed record ClusterRequest(string? NameEn, string? NameKm, Guid? LeadOrganisationId, IReadOnlyList<Guid>? MemberOrganisationIds);

public sealed record SourceRequest(string? Text, string? Url);

public sealed record ParagraphRequest(
    string? Kind, string? TextEn, string? TextKm, IReadOnlyList<SourceRequest>? Sources = null, IReadOnlyList<Guid>? RecommendationIds = null,
    IReadOnlyList<Guid>? ReportIds = null, int? BaseVersion = null);

public sealed record SourceResponse(string Text, string? Url);

public sealed record LinkedRecommendationResponse(Guid Id, string Text, int Cycle, string Response, string? AssessedStatus, IReadOnlyList<string> RecommendingStates);

/// <param name="Id">Absent, like the title, for a report the caller may not open.</param>
public sealed record LinkedReportResponse(Guid? Id, string? Title, DateOnly? OccurredFrom);

public sealed record CommentResponse(Guid Id, Guid? ParentId, string Author, string Text, DateTime CreatedAt);

/// <param name="HiddenReports">How many more field reports the paragraph cites that the caller may not open.</param>
public sealed record ParagraphResponse(
    Guid Id, int Number, string Kind, int Version, string TextEn, string TextKm, IReadOnlyList<SourceResponse> Sources,
    IReadOnlyList<LinkedRecommendationResponse> Recommendations, IReadOnlyList<LinkedReportResponse> Reports, int HiddenReports,
    IReadOnlyList<CommentResponse> Comments, int WordsEn, int WordsKm, string UpdatedBy, DateTime UpdatedAt);

public sealed record SectionResponse(Guid ClusterId, int Number, string NameEn, string NameKm, string? Lead, IReadOnlyList<string> Members, bool CanEdit,
    IReadOnlyList<ParagraphResponse> Paragraphs);

public sealed record VersionResponse(int Version, string TextEn, string TextKm, string Sources, string Author, DateTime SavedAt);

public sealed record DiffPieceResponse(string Kind, string Text);

public sealed record ComparisonResponse(int From, int To, IReadOnlyList<DiffPieceResponse> English, IReadOnlyList<DiffPieceResponse> Khmer);

public sealed record CommentRequest(string? Text, Guid? ParentId = null);

internal static class SubmissionsApi
{
    public const string Path = "/api/v1/submissions";

    public static void MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        // Published submissions are public; drafts answer 404 to whoever is not a signatory, as if they did not exist.
        var open = app.MapGroup(Path).WithTags("Submissions").AllowAnonymous().RequireRateLimiting(Infrastructure.ApiConventions.PublicApiLimit);
        open.MapGet("/", List).WithSummary("The submissions you may see (published ones, and drafts your organisation signed), and the drafts your organisation is invited to sign.");
        open.MapGet("/{id:guid}", Get).WithSummary("A submission with its signatories, clusters and word counts; for an organisation only invited, the invitation (title, State, lead).");
        open.MapGet("/{id:guid}/words", Words).WithSummary("The word count per section and in all, against the limit (English, footnotes included), and the paragraphs with no English yet.");
        open.MapGet("/{id:guid}/sections/{clusterId:guid}", Section).WithSummary("A cluster's section: numbered paragraphs and recommendations with their footnotes, linked recommendations (response, assessed status), cited reports you may open, comments.");
        open.MapGet("/{id:guid}/paragraphs/{paragraphId:guid}/versions", Versions).WithSummary("Every saved version of a paragraph, newest first: who saved what and when.");
        open.MapGet("/{id:guid}/paragraphs/{paragraphId:guid}/compare", Compare).WithSummary("Two versions of a paragraph compared word by word (from, to), in English and Khmer.");
        open.MapGet("/{id:guid}/document.docx", Document).WithSummary("The submission as a Word document in OHCHR's format (lang=en|km); refused while the English text is over the word limit.");

        var signedIn = app.MapGroup(Path).WithTags("Submissions").RequireAuthorization(Policies.SignedIn);
        signedIn.MapPost("/", Create).WithSummary("Start a submission for a State's review (coordinators): with the eight clusters as a template; a review not in the calendar needs its session and date.");
        signedIn.MapPost("/{id:guid}/invitations", Invite).WithSummary("Invite an organisation of the network to sign a joint submission (coordinators of the lead organisation).");
        signedIn.MapPost("/{id:guid}/signature", Sign).WithSummary("Sign your organisation on to a submission it is invited to, with its short description (coordinators).");
        signedIn.MapDelete("/{id:guid}/signature", Withdraw).WithSummary("Withdraw your organisation's signature, until the submission is sent (coordinators; not the lead).");
        signedIn.MapPut("/{id:guid}/signature", Describe).WithSummary("Change the short description of your organisation that heads the document (coordinators).");
        signedIn.MapPost("/{id:guid}/send", Send).WithSummary("Mark the submission sent to OHCHR (coordinators of the lead); refused over the word limit. It then no longer changes.");
        signedIn.MapPost("/{id:guid}/publish", Publish).WithSummary("Publish a sent submission to everyone (coordinators of the lead).");
        signedIn.MapPost("/{id:guid}/clusters", AddCluster).WithSummary("Add a thematic cluster with its lead and member organisations (coordinators of the lead).");
        signedIn.MapPut("/{id:guid}/clusters/{clusterId:guid}", SaveCluster).WithSummary("Rename a cluster or change its lead and member organisations (coordinators of the lead).");
        signedIn.MapDelete("/{id:guid}/clusters/{clusterId:guid}", RemoveCluster).WithSummary("Remove a cluster whose section is empty (coordinators of the lead).");
        signedIn.MapPost("/{id:guid}/sections/{clusterId:guid}/paragraphs", AddParagraph).WithSummary("Add a paragraph (kind Assessment) or a draft recommendation (kind Recommendation) to a section, in English, Khmer or both.");
        signedIn.MapPut("/{id:guid}/paragraphs/{paragraphId:guid}", SaveParagraph).WithSummary("Save a new version of a paragraph on top of baseVersion; 409 with the other person's text if someone saved meanwhile.");
        signedIn.MapDelete("/{id:guid}/paragraphs/{paragraphId:guid}", DeleteParagraph).WithSummary("Delete a paragraph and its history.");
        signedIn.MapPost("/{id:guid}/paragraphs/{paragraphId:guid}/comments", Comment).WithSummary("Comment on a paragraph, or answer a comment (parentId).");
    }

    private static async Task<Ok<IReadOnlyList<SubmissionSummaryResponse>>> List(SubmissionQuery query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<SubmissionSummaryResponse>>([.. (await query.ListAsync(user.Viewer(), cancellationToken)).Select(Summary)]);

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Get(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        if (await editor.FindAsync(id, viewer, cancellationToken) is not { } submission)
            return await query.InvitationAsync(id, viewer, cancellationToken) is { } invitation
                ? TypedResults.Ok(new SubmissionResponse(Summary(invitation), null, null, null))
                : Refused(SubmissionEditor.NotFound());
        return TypedResults.Ok(await ResponseAsync(submission, query, words, viewer, cancellationToken));
    }

    private static async Task<SubmissionResponse> ResponseAsync(Submission submission, SubmissionQuery query, SubmissionWords words, Core.Accounts.Viewer viewer, CancellationToken cancellationToken) =>
        new(Summary((await query.SummaryAsync(submission.Id, viewer, cancellationToken))!),
            [.. (await query.SignatoriesAsync(submission, cancellationToken)).Select(s => new SignatoryResponse(s.OrganisationId, s.Name, s.NameKm, s.Status.ToString(), s.DescriptionEn, s.DescriptionKm, s.Lead))],
            [.. submission.Clusters.OrderBy(c => c.Number).Select(Cluster)],
            WordsOf(await words.CountAsync(submission, cancellationToken)));

    private static async Task<Results<Ok<WordCountResponse>, ProblemHttpResult>> Words(
        SubmissionEditor editor, SubmissionWords words, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await editor.FindAsync(id, user.Viewer(), cancellationToken) is { } submission
            ? TypedResults.Ok(WordsOf(await words.CountAsync(submission, cancellationToken)))
            : Refused(SubmissionEditor.NotFound());

    private static async Task<Results<Ok<SectionResponse>, ProblemHttpResult>> Section(
        SubmissionEditor editor, SubmissionQuery query, ClaimsPrincipal user, Guid id, Guid clusterId, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        if (await editor.FindAsync(id, viewer, cancellationToken) is not { } submission) return Refused(SubmissionEditor.NotFound());
        if (await query.SectionAsync(submission, clusterId, viewer, cancellationToken) is not { } section) return Refused(new Refusal(SubmissionProblem.ClusterNotFound, "The submission has no cluster with that id."));
        return TypedResults.Ok(new SectionResponse(section.Cluster.Id, section.Cluster.Number, section.Cluster.NameEn, section.Cluster.NameKm, section.LeadName,
            section.MemberNames, section.CanEdit, [.. section.Paragraphs.Select(Paragraph)]));
    }

    private static async Task<Results<Ok<IReadOnlyList<VersionResponse>>, ProblemHttpResult>> Versions(
        ParagraphHistory history, ClaimsPrincipal user, Guid id, Guid paragraphId, CancellationToken cancellationToken) =>
        await history.VersionsAsync(id, paragraphId, user.Viewer(), cancellationToken) is { } versions
            ? TypedResults.Ok<IReadOnlyList<VersionResponse>>([.. versions.Select(v => new VersionResponse(v.Version, v.TextEn, v.TextKm, v.Sources, v.Author, v.SavedAt))])
            : Refused(new Refusal(SubmissionProblem.ParagraphNotFound, "There is no paragraph with that id in a submission you may see."));

    private static async Task<Results<Ok<ComparisonResponse>, ProblemHttpResult>> Compare(
        ParagraphHistory history, ClaimsPrincipal user, Guid id, Guid paragraphId, int from, int to, CancellationToken cancellationToken)
    {
        if (await history.CompareAsync(id, paragraphId, from, to, user.Viewer(), cancellationToken) is not { } comparison)
            return Refused(new Refusal(SubmissionProblem.ParagraphNotFound, "Give two versions ('from', 'to') of a paragraph in a submission you may see; see its versions for their numbers."));
        return TypedResults.Ok(new ComparisonResponse(from, to,
            [.. comparison.English.Select(p => new DiffPieceResponse(p.Kind.ToString(), p.Text))], [.. comparison.Khmer.Select(p => new DiffPieceResponse(p.Kind.ToString(), p.Text))]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(
        SubmissionEditor editor, SubmissionText text, SubmissionWords words, AuditTrail audit, ClaimsPrincipal user, Guid id, string? lang, CancellationToken cancellationToken)
    {
        if (lang is not (null or "" or "en" or "km"))
            return TypedResults.Problem("'lang' is en (English, the UN language sent to OHCHR) or km (the Khmer draft).", statusCode: StatusCodes.Status400BadRequest);
        var (file, refusal) = await SubmissionExport.WordAsync(editor, text, words, audit, user.Viewer(), user.UserId() is not null, id, lang is "km" ? "km" : "en", cancellationToken);
        return file is null ? Refused(refusal!) : TypedResults.File(file.Bytes, SubmissionWordDocument.ContentType, file.Name);
    }

    private static async Task<Results<Created<SubmissionResponse>, ProblemHttpResult>> Create(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, NewSubmissionRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<SubmissionKind>(request.Kind, out var kind))
            return TypedResults.Problem("'kind' is Individual or Joint.", statusCode: StatusCodes.Status400BadRequest);
        var viewer = user.Viewer();
        var (submission, refusal) = await editor.CreateAsync(new NewSubmission(request.Title, request.StateIso3, request.Cycle, kind, request.Session, request.ReviewDate,
            request.DeadlineUtc, request.DescriptionEn, request.DescriptionKm), viewer, user.UserId()!.Value, cancellationToken);
        if (submission is null) return Refused(refusal!);
        return TypedResults.Created($"{Path}/{submission.Id}", await ResponseAsync(submission, query, words, viewer, cancellationToken));
    }

    private static Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Invite(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, Guid id, InvitationRequest request, CancellationToken cancellationToken) =>
        Changed(editor.InviteAsync(id, request.OrganisationId, user.Viewer(), cancellationToken), query, words, user, cancellationToken);

    private static Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Sign(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, Guid id, DescriptionRequest request, CancellationToken cancellationToken) =>
        Changed(editor.SignAsync(id, request.DescriptionEn, request.DescriptionKm, user.Viewer(), cancellationToken), query, words, user, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(SubmissionEditor editor, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        (await editor.WithdrawAsync(id, user.Viewer(), cancellationToken)).Refusal is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    private static Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Describe(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, Guid id, DescriptionRequest request, CancellationToken cancellationToken) =>
        Changed(editor.DescribeAsync(id, request.DescriptionEn, request.DescriptionKm, user.Viewer(), cancellationToken), query, words, user, cancellationToken);

    private static Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Send(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        Changed(editor.SendAsync(id, user.Viewer(), cancellationToken), query, words, user, cancellationToken);

    private static Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Publish(
        SubmissionEditor editor, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        Changed(editor.PublishAsync(id, user.Viewer(), cancellationToken), query, words, user, cancellationToken);

    private static async Task<Results<Created<ClusterResponse>, ProblemHttpResult>> AddCluster(
        SubmissionEditor editor, ClaimsPrincipal user, Guid id, ClusterRequest request, CancellationToken cancellationToken)
    {
        var (cluster, refusal) = await editor.SaveClusterAsync(id, null, Input(request), user.Viewer(), cancellationToken);
        return cluster is null ? Refused(refusal!) : TypedResults.Created($"{Path}/{id}/sections/{cluster.Id}", Cluster(cluster));
    }

    private static async Task<Results<Ok<ClusterResponse>, ProblemHttpResult>> SaveCluster(
        SubmissionEditor editor, ClaimsPrincipal user, Guid id, Guid clusterId, ClusterRequest request, CancellationToken cancellationToken)
    {
        var (cluster, refusal) = await editor.SaveClusterAsync(id, clusterId, Input(request), user.Viewer(), cancellationToken);
        return cluster is null ? Refused(refusal!) : TypedResults.Ok(Cluster(cluster));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveCluster(SubmissionEditor editor, ClaimsPrincipal user, Guid id, Guid clusterId, CancellationToken cancellationToken) =>
        await editor.RemoveClusterAsync(id, clusterId, user.Viewer(), cancellationToken) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    private static async Task<Results<Created<ParagraphResponse>, ProblemHttpResult>> AddParagraph(
        ParagraphEditor paragraphs, SubmissionEditor editor, SubmissionQuery query, ClaimsPrincipal user, Guid id, Guid clusterId, ParagraphRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<ParagraphKind>(request.Kind ?? nameof(ParagraphKind.Assessment), out var kind))
            return TypedResults.Problem("'kind' is Assessment (a paragraph of the section) or Recommendation (a draft recommendation).", statusCode: StatusCodes.Status400BadRequest);
        var viewer = user.Viewer();
        var saved = await paragraphs.AddAsync(id, clusterId, kind, Input(request), viewer, user.DisplayName(), cancellationToken);
        if (saved.Paragraph is null) return Refused(saved.Refusal!);
        return TypedResults.Created($"{Path}/{id}/paragraphs/{saved.Paragraph.Id}", await ParagraphAsync(editor, query, viewer, id, saved.Paragraph, cancellationToken));
    }

    private static async Task<Results<Ok<ParagraphResponse>, ProblemHttpResult>> SaveParagraph(
        ParagraphEditor paragraphs, SubmissionEditor editor, SubmissionQuery query, ClaimsPrincipal user, Guid id, Guid paragraphId, ParagraphRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var saved = await paragraphs.SaveAsync(id, paragraphId, Input(request), viewer, user.DisplayName(), cancellationToken);
        if (saved.Conflict is { } conflict)
            return TypedResults.Problem(saved.Refusal!.Message, statusCode: StatusCodes.Status409Conflict, title: saved.Refusal.Code.ToString(), extensions: new Dictionary<string, object?>
            {
                ["code"] = saved.Refusal.Code.ToString(),
                ["current"] = new { conflict.Current.Version, conflict.Current.TextEn, conflict.Current.TextKm, conflict.Current.UpdatedBy, conflict.Current.UpdatedAt },
                ["yours"] = new { conflict.Yours.TextEn, conflict.Yours.TextKm },
            });
        if (saved.Paragraph is null) return Refused(saved.Refusal!);
        return TypedResults.Ok(await ParagraphAsync(editor, query, viewer, id, saved.Paragraph, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteParagraph(ParagraphEditor paragraphs, ClaimsPrincipal user, Guid id, Guid paragraphId, CancellationToken cancellationToken) =>
        await paragraphs.DeleteAsync(id, paragraphId, user.Viewer(), cancellationToken) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    private static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> Comment(
        ParagraphEditor paragraphs, ClaimsPrincipal user, Guid id, Guid paragraphId, CommentRequest request, CancellationToken cancellationToken)
    {
        var (comment, refusal) = await paragraphs.CommentAsync(id, paragraphId, request.ParentId, request.Text, user.Viewer(), user.DisplayName(), cancellationToken);
        return comment is null ? Refused(refusal!)
            : TypedResults.Created($"{Path}/{id}/paragraphs/{paragraphId}/comments/{comment.Id}", new CommentResponse(comment.Id, comment.ParentId, comment.Author, comment.Text, comment.CreatedAt));
    }

    private static async Task<ParagraphResponse> ParagraphAsync(SubmissionEditor editor, SubmissionQuery query, Core.Accounts.Viewer viewer, Guid id, Paragraph paragraph, CancellationToken cancellationToken)
    {
        var submission = (await editor.FindAsync(id, viewer, cancellationToken))!;
        var section = (await query.SectionAsync(submission, paragraph.ClusterId, viewer, cancellationToken))!;
        return Paragraph(section.Paragraphs.Single(p => p.Paragraph.Id == paragraph.Id));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Changed(
        Task<Outcome<Submission>> change, SubmissionQuery query, SubmissionWords words, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (submission, refusal) = await change;
        return submission is null ? Refused(refusal!) : TypedResults.Ok(await ResponseAsync(submission, query, words, user.Viewer(), cancellationToken));
    }

    private static ClusterInput Input(ClusterRequest r) => new(r.NameEn, r.NameKm, r.LeadOrganisationId, r.MemberOrganisationIds);

    private static ParagraphInput Input(ParagraphRequest r) => new(r.TextEn, r.TextKm, r.Sources?.Select(s => new SourceInput(s.Text, s.Url)).ToList(),
        r.RecommendationIds, r.ReportIds, r.BaseVersion);

    private static SubmissionSummaryResponse Summary(SubmissionSummary s) => new(s.Id, s.Title, s.StateIso3, s.StateNameEn, s.Cycle, s.ReviewDate, s.Deadline,
        s.Kind.ToString(), s.Status.ToString(), s.LeadOrganisationId, s.Lead, s.Invitation);

    private static ClusterResponse Cluster(Cluster c) => new(c.Id, c.Number, c.NameEn, c.NameKm, c.LeadOrganisationId, c.MemberOrganisationIds);

    internal static WordCountResponse WordsOf(SubmissionWordCount c) => new(c.Limit, c.WordsEn, c.WordsKm, c.OverLimit,
        [.. c.Sections.Select(s => new SectionWordsResponse(s.ClusterId, s.Number, s.NameEn, s.NameKm, s.Paragraphs, s.WordsEn, s.WordsKm, s.WithoutEnglish))],
        c.ParagraphsWithoutEnglish);

    private static ParagraphResponse Paragraph(ParagraphView v) => new(v.Paragraph.Id, v.Number, v.Paragraph.Kind.ToString(), v.Paragraph.Version, v.Paragraph.TextEn,
        v.Paragraph.TextKm, [.. v.Paragraph.Sources.OrderBy(s => s.Order).Select(s => new SourceResponse(s.Text, s.Url))],
        [.. v.Recommendations.Select(r => new LinkedRecommendationResponse(r.Id, r.Text, r.Cycle, r.Response.ToString(), r.AssessedStatus, r.RecommendingStates))],
        [.. v.Reports.Select(r => new LinkedReportResponse(r.Id, r.Title, r.OccurredFrom))], v.HiddenReports,
        [.. v.Comments.Select(c => new CommentResponse(c.Id, c.ParentId, c.Author, c.Text, c.CreatedAt))], v.WordsEn, v.WordsKm, v.Paragraph.UpdatedBy, v.Paragraph.UpdatedAt);

    internal static ProblemHttpResult Refused(Refusal refusal) => refusal.Problem(StatusOf(refusal));

    private static int StatusOf(Refusal refusal) => refusal.Code switch
    {
        SubmissionProblem.NotFound or SubmissionProblem.ClusterNotFound or SubmissionProblem.ParagraphNotFound => StatusCodes.Status404NotFound,
        SubmissionProblem.MayNotCreate or SubmissionProblem.MayNotCoordinate or SubmissionProblem.MayNotSign or SubmissionProblem.MayNotEdit
            or SubmissionProblem.MayNotComment => StatusCodes.Status403Forbidden,
        SubmissionProblem.NotADraft or SubmissionProblem.NotSent or SubmissionProblem.AlreadySignatory or SubmissionProblem.MovedOn or SubmissionProblem.OverLimit
            or SubmissionProblem.NotInvited or SubmissionProblem.ClusterNotEmpty or SubmissionProblem.LeadCannotWithdraw => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
