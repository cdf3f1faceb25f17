using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using Spean.Core.Monitoring.Evidence;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Evidence uploads through the API: who a retried upload id answers, and what an upload leaves on disk.</summary>
public abstract class EvidenceUploadTests(SpeanApp app)
{
    private static readonly byte[] Photo = SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802));

    [Fact]
    public async Task An_upload_id_and_hash_read_in_the_audit_trail_tell_a_member_of_another_organisation_nothing()
    {
        var a = await OrganisationAsync(app, "Organisation A");
        var b = await OrganisationAsync(app, "Organisation B");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, outsider) = await PersonAsync(app, Role.Member, b);
        var restricted = await FileAsync(author, Input("Restricted source", "Restricted"));
        var uploadId = Guid.NewGuid();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Photo));
        using (var first = await UploadAsync(author, restricted, Photo, uploadId: uploadId))
            Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var own = await FileAsync(outsider, Input("My own report"));

        using var probe = await UploadAsync(outsider, own, SampleFiles.Png(), sha256: sha256, uploadId: uploadId);
        var body = await probe.Content.ReadAsStringAsync();

        var problem = await ProblemAsync(probe, HttpStatusCode.Conflict);
        Assert.Equal("UploadIdReused", problem.GetProperty("code").GetString());
        foreach (var secret in new[] { "13.80", "104.98", "Galaxy", "samsung", "2025-03-14", sha256, restricted.ToString() })
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_answers_only_its_uploader_on_the_same_report()
    {
        var a = await OrganisationAsync(app, "Organisation A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var report = await FileAsync(author, Input("Organisation report", "Organisation"));
        var other = await FileAsync(author, Input("Another report of the author", "Organisation"));
        var uploadId = Guid.NewGuid();
        var fileId = await UploadWithIdAsync(author, report, uploadId);
        await MoveOkAsync(author, report, "Submitted");

        using var retry = await UploadAsync(author, report, Photo, uploadId: uploadId);
        using var coordinatorRetry = await UploadAsync(coordinator, report, Photo, uploadId: uploadId);
        using var elsewhere = await UploadAsync(author, other, Photo, uploadId: uploadId);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(fileId, (await retry.ReadJsonAsync()).GetProperty("id").GetGuid());
        await ProblemAsync(coordinatorRetry, HttpStatusCode.Conflict);
        await ProblemAsync(elsewhere, HttpStatusCode.Conflict);
        var files = (await author.GetJsonAsync($"/api/v1/reports/{report}")).GetProperty("evidence").GetArrayLength();
        Assert.Equal(1, files);
    }

    /// <summary>
    /// The body pauses after the photo, before the fields that follow it (as the report page's script orders them), so a
    /// copy buffered in clear on its way in would still be in the temporary folder while the scan looks.
    /// </summary>
    [Fact]
    public async Task A_large_photo_never_lands_in_clear_in_the_temporary_folder()
    {
        var (_, author) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Organisation A"));
        var report = await FileAsync(author, Input("Five megabytes of photo"));
        var photo = Photo.Concat(RandomNumberGenerator.GetBytes(5_000_000)).ToArray();
        var marker = photo.AsSpan(2_500_000, 48).ToArray();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        form.Add(new StringContent(Convert.ToHexStringLower(SHA256.HashData(photo))), "sha256");
        form.Add(new StringContent(Guid.NewGuid().ToString()), "clientUploadId");
        var body = await form.ReadAsByteArrayAsync();
        var split = body.AsSpan().IndexOf(photo.AsSpan(photo.Length - 64)) + 64;
        var paused = new PausedContent(body, split, form.Headers.ContentType!);

        var sending = author.PostAsync($"/api/v1/reports/{report}/evidence", paused);
        await paused.Paused.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var whileSending = await HoldersAsync(marker, TimeSpan.FromSeconds(3));
        paused.Resume.SetResult();
        using var response = await sending;
        var afterwards = await HoldersAsync(marker, TimeSpan.Zero);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.True(whileSending.Count == 0, "while uploading, the photo is in clear in " + string.Join(", ", whileSending));
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task A_public_copy_is_made_once_and_then_served_without_opening_the_original_again()
    {
        var a = await OrganisationAsync(app, "Organisation A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var report = await FileAsync(author, Input("Published with a document", "Public"));
        var document = SampleDocuments.Docx();
        var fileId = await UploadOkAsync(author, report, document, "statement.docx");
        await PublishAsync(author, coordinator, report);
        var url = $"/api/v1/reports/{report}/evidence/{fileId}/public";
        var first = await app.AnonymousClient().GetByteArrayAsync(url);
        var stored = await app.WithScopeAsync(async services => Path.Combine(services.GetRequiredService<EvidenceOptions>().DirectoryPath,
            (await services.GetRequiredService<SpeanDbContext>().EvidenceFiles.SingleAsync(f => f.Id == fileId)).StoredName));
        File.Move(stored, stored + ".away");
        try
        {
            using var again = await app.AnonymousClient().GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(first, await again.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            File.Move(stored + ".away", stored);
        }
    }

    /// <summary>A phone whose connection breaks 200 kB into a photo sends only the rest on its next try, and the photo is kept whole, once.</summary>
    [Fact]
    public async Task A_photo_cut_off_midway_is_continued_from_what_arrived_and_kept_once_with_its_hash()
    {
        var a = await OrganisationAsync(app, "Organisation A");
        var (_, author) = await PersonAsync(app, Role.Member, a);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, a);
        var report = await FileAsync(author, Input("Photo over a weak signal", "Organisation"));
        await MoveOkAsync(author, report, "Submitted");
        var photo = Photo.Concat(RandomNumberGenerator.GetBytes(400_000)).ToArray();
        var uploadId = Guid.NewGuid();
        var progress = $"/api/v1/reports/{report}/evidence/uploads/{uploadId}";

        await Assert.ThrowsAnyAsync<Exception>(() => SendFromAsync(author, report, uploadId, photo, offset: 0, cutAfter: 200_000));
        var held = (await author.GetJsonAsync(progress)).GetProperty("receivedBytes").GetInt64();
        var othersView = (await coordinator.GetJsonAsync(progress)).GetProperty("receivedBytes").GetInt64();
        using var wrongOffset = await SendFromAsync(author, report, uploadId, photo, offset: 100);
        using var someoneElse = await SendFromAsync(coordinator, report, uploadId, photo, offset: held);
        using var rest = await SendFromAsync(author, report, uploadId, photo, offset: held);
        var after = await author.GetJsonAsync(progress);

        Assert.Equal(3 * EvidenceCipher.ChunkSize, held);
        Assert.Equal(0, othersView);
        var mismatch = await ProblemAsync(wrongOffset, HttpStatusCode.Conflict);
        Assert.Equal("OffsetMismatch", mismatch.GetProperty("code").GetString());
        Assert.Contains($"from byte {held}", mismatch.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("OffsetMismatch", (await ProblemAsync(someoneElse, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.True(rest.StatusCode == HttpStatusCode.Created, await rest.Content.ReadAsStringAsync());
        var kept = await rest.ReadJsonAsync();
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(photo)), photo.LongLength, "image/jpeg", "samsung Galaxy A12"),
            (kept.GetProperty("sha256").GetString(), kept.GetProperty("size").GetInt64(), kept.GetProperty("contentType").GetString(), kept.GetProperty("device").GetString()));
        var fileId = kept.GetProperty("id").GetGuid();
        Assert.Equal(photo, await author.GetByteArrayAsync($"/api/v1/reports/{report}/evidence/{fileId}"));
        Assert.Equal((fileId, photo.LongLength), (after.GetProperty("fileId").GetGuid(), after.GetProperty("receivedBytes").GetInt64()));
        Assert.Equal(1, (await author.GetJsonAsync($"/api/v1/reports/{report}")).GetProperty("evidence").GetArrayLength());
        var folder = app.Services.GetRequiredService<EvidenceOptions>().DirectoryPath;
        Assert.Empty(Directory.GetFiles(folder, "*.upload"));
    }

    [Fact]
    public async Task A_continued_upload_whose_whole_is_not_the_file_the_phone_hashed_is_refused_and_started_again()
    {
        var (_, author) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Organisation A"));
        var report = await FileAsync(author, Input("Photo changed between tries"));
        var photo = Photo.Concat(RandomNumberGenerator.GetBytes(200_000)).ToArray();
        var uploadId = Guid.NewGuid();
        await Assert.ThrowsAnyAsync<Exception>(() => SendFromAsync(author, report, uploadId, photo, offset: 0, cutAfter: 150_000));
        var changed = photo.ToArray();
        changed[^1] ^= 1;

        using var rest = await SendFromAsync(author, report, uploadId, changed, offset: 2 * EvidenceCipher.ChunkSize, sha256: Convert.ToHexStringLower(SHA256.HashData(photo)));

        Assert.Equal("HashMismatch", (await ProblemAsync(rest, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal(0, (await author.GetJsonAsync($"/api/v1/reports/{report}/evidence/uploads/{uploadId}")).GetProperty("receivedBytes").GetInt64());
        Assert.Equal(0, (await author.GetJsonAsync($"/api/v1/reports/{report}")).GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task The_upload_is_described_in_the_OpenAPI_document_as_a_multipart_form()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty("/api/v1/reports/{id}/evidence").GetProperty("post");
        var form = operation.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var text = form.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).ToString()
            : form.ToString();
        foreach (var field in new[] { "\"file\"", "\"sha256\"", "\"clientUploadId\"", "\"offset\"", "IFormFile" })
            Assert.True(text.Contains(field, StringComparison.Ordinal), text);
        Assert.StartsWith("Upload evidence", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        foreach (var status in new[] { "200", "201", "400", "409", "413" })
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{status} missing: {operation.GetProperty("responses")}");
    }

    /// <summary>
    /// A resumable try: the hash, upload id and offset before the file's bytes from that offset on; with cutAfter, the
    /// connection breaks once that many of them have gone, as a phone's does when it loses its signal.
    /// </summary>
    private static async Task<HttpResponseMessage> SendFromAsync(
        HttpClient client, Guid report, Guid uploadId, byte[] file, long offset, int? cutAfter = null, string? sha256 = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(sha256 ?? Convert.ToHexStringLower(SHA256.HashData(file))), "sha256");
        form.Add(new StringContent(uploadId.ToString()), "clientUploadId");
        form.Add(new StringContent(offset.ToString(System.Globalization.CultureInfo.InvariantCulture)), "offset");
        form.Add(new ByteArrayContent(file, (int)offset, file.Length - (int)offset), "file", "photo.jpg");
        if (cutAfter is not { } cut) return await client.PostAsync($"/api/v1/reports/{report}/evidence", form);
        var body = await form.ReadAsByteArrayAsync();
        var broken = new BrokenContent(body[..(body.AsSpan().IndexOf(file.AsSpan((int)offset, 64)) + cut)], form.Headers.ContentType!, body.Length);
        return await client.PostAsync($"/api/v1/reports/{report}/evidence", broken);
    }

    private static async Task<Guid> UploadWithIdAsync(HttpClient client, Guid report, Guid uploadId)
    {
        using var response = await UploadAsync(client, report, Photo, uploadId: uploadId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Every file in the app's temporary folder that holds the bytes, looking again until the time is up.</summary>
    private static async Task<List<string>> HoldersAsync(byte[] marker, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var holders = new List<string>();
            foreach (var path in Directory.EnumerateFiles(TemporaryFolder.Path, "*", SearchOption.AllDirectories))
            {
                try
                {
                    if (File.ReadAllBytes(path).AsSpan().IndexOf(marker) >= 0) holders.Add(path);
                }
                catch (IOException)
                {
                    // Deleted while being read.
                }
            }
            if (holders.Count > 0 || DateTime.UtcNow >= until) return holders;
            await Task.Delay(200);
        }
    }

    /// <summary>A body that announces its whole length, sends the start and then fails, as a connection lost midway.</summary>
    private sealed class BrokenContent : HttpContent
    {
        private readonly byte[] start;
        private readonly long length;

        public BrokenContent(byte[] start, MediaTypeHeaderValue type, long length)
        {
            this.start = start;
            this.length = length;
            Headers.ContentType = type;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(start);
            await stream.FlushAsync();
            throw new IOException("The connection was lost.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = this.length;
            return true;
        }
    }

    private sealed class PausedContent : HttpContent
    {
        private readonly byte[] body;
        private readonly int split;

        public PausedContent(byte[] body, int split, MediaTypeHeaderValue type)
        {
            this.body = body;
            this.split = split;
            Headers.ContentType = type;
        }

        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, split));
            await stream.FlushAsync();
            Paused.SetResult();
            await Resume.Task;
            await stream.WriteAsync(body.AsMemory(split));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}

public sealed class SqliteEvidenceUploadTests(SqliteApp app) : EvidenceUploadTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEvidenceUploadTests(PostgresApp app) : EvidenceUploadTests(app), IClassFixture<PostgresApp>;
