using System.Net;
using Spean.Core.Accounts;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>
/// Beside the confidentiality crawl: every kind of person tries to add evidence to reports of every confidentiality
/// in organisation A, and to reuse the upload id of the photo already there. Only those who may handle a report's
/// evidence add to it, while it is still open; the others learn no more than whether they may see the report at all.
/// </summary>
public abstract class EvidenceUploadCrawlTests(SpeanApp app)
{
    private sealed record Planted(string Key, string Confidentiality, string Status)
    {
        public Guid Id { get; set; }
        public Guid UploadId { get; } = Guid.NewGuid();
        public string Marker { get; } = Key + "-" + Guid.NewGuid().ToString("N")[..10];
    }

    private sealed record Visitor(string Name, HttpClient Client, string[] Sees, string[] Handles);

    private static byte[] Photo(string marker) =>
        SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802), comment: marker);

    [Fact]
    public async Task Only_those_who_handle_a_report_s_evidence_add_to_it_and_nobody_learns_anything_from_an_upload_id()
    {
        var a = await OrganisationAsync(app, "Organisation A");
        var b = await OrganisationAsync(app, "Organisation B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, coordinatorA) = await PersonAsync(app, Role.Coordinator, a);
        var (reader, readerClient) = await PersonAsync(app, Role.Member, b);
        Planted[] reports =
        [
            new("PUBPUB", "Public", "Published"),
            new("PUBSUB", "Public", "Submitted"),
            new("NETSUB", "Network", "Submitted"),
            new("ORGSUB", "Organisation", "Submitted"),
            new("ORGPUB", "Organisation", "Published"),
            new("RESSUB", "Restricted", "Submitted"),
            new("DRAFT", "Network", "Draft"),
        ];
        foreach (var report in reports)
        {
            report.Id = await FileAsync(author, Input("T-" + report.Marker, report.Confidentiality, readers: report.Confidentiality == "Restricted" ? [reader.Id] : null));
            using (var planted = await UploadAsync(author, report.Id, Photo(report.Marker), uploadId: report.UploadId))
                Assert.True(planted.StatusCode == HttpStatusCode.Created, await planted.Content.ReadAsStringAsync());
            if (report.Status == "Draft") continue;
            await MoveOkAsync(author, report.Id, "Submitted");
            if (report.Status == "Published")
            {
                await MoveOkAsync(coordinatorA, report.Id, "UnderReview");
                await MoveOkAsync(coordinatorA, report.Id, "Verified");
                await MoveOkAsync(coordinatorA, report.Id, "Published");
            }
        }

        string[] signedIn = ["PUBPUB", "PUBSUB", "NETSUB"], inA = [.. signedIn, "ORGSUB", "ORGPUB"];
        var visitors = new List<Visitor>
        {
            new("anonymous", app.AnonymousClient(), [], []),
            new("viewer of A", (await PersonAsync(app, Role.Viewer, a)).Client, inA, []),
            new("member of A", (await PersonAsync(app, Role.Member, a)).Client, inA, []),
            new("coordinator of A", coordinatorA, inA, inA),
            new("administrator of A", (await PersonAsync(app, Role.Administrator, a)).Client, inA, inA),
            new("member of B", (await PersonAsync(app, Role.Member, b)).Client, signedIn, []),
            new("coordinator of B", (await PersonAsync(app, Role.Coordinator, b)).Client, signedIn, []),
            new("administrator of B", (await PersonAsync(app, Role.Administrator, b)).Client, signedIn, []),
            new("named reader", readerClient, [.. signedIn, "RESSUB"], ["RESSUB"]),
            new("author", author, [.. reports.Select(r => r.Key)], [.. reports.Select(r => r.Key)]),
        };

        var wrong = new List<string>();
        foreach (var visitor in visitors)
        {
            // Viewers file no reports of their own.
            var own = visitor.Name is "anonymous" or "viewer of A" ? (Guid?)null : await FileAsync(visitor.Client, Input("Own report of " + visitor.Name));
            foreach (var report in reports)
            {
                var expected = visitor.Name == "anonymous" ? HttpStatusCode.Unauthorized
                    : !visitor.Sees.Contains(report.Key) ? HttpStatusCode.NotFound
                    : !visitor.Handles.Contains(report.Key) ? HttpStatusCode.Forbidden
                    : report.Status == "Published" ? HttpStatusCode.Conflict
                    : HttpStatusCode.Created;
                using (var upload = await UploadAsync(visitor.Client, report.Id, Photo(visitor.Name + report.Key), "new.jpg"))
                    if (upload.StatusCode != expected) wrong.Add($"{visitor.Name}: a new file for {report.Key} answered {upload.StatusCode}, expected {expected}");

                // The upload id and hash of the author's photo, as the audit trail shows them, sent to the visitor's own report.
                if (own is not { } ownReport || visitor.Name == "author") continue;
                var photo = Photo(report.Marker);
                using var reused = await UploadAsync(visitor.Client, ownReport, photo, uploadId: report.UploadId);
                var body = await reused.Content.ReadAsStringAsync();
                if (reused.StatusCode != HttpStatusCode.Conflict) wrong.Add($"{visitor.Name}: {report.Key}'s upload id on their own report answered {reused.StatusCode}");
                foreach (var secret in new[] { "13.80", "Galaxy", "2025-03-14", report.Id.ToString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)) })
                    if (body.Contains(secret, StringComparison.Ordinal)) wrong.Add($"{visitor.Name}: {report.Key}'s upload id gives away {secret}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(40)));
    }
}

public sealed class SqliteEvidenceUploadCrawlTests(SqliteApp app) : EvidenceUploadCrawlTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEvidenceUploadCrawlTests(PostgresApp app) : EvidenceUploadCrawlTests(app), IClassFixture<PostgresApp>;
