using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.Evidence.Formats;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Evidence through the report page and the API: metadata and custody for those who may see identities, public copies, verification, refusals in Khmer.</summary>
public abstract class EvidencePagesTests(SpeanApp app)
{
    private static readonly byte[] PhotoExif = SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802);
    private static readonly byte[] Photo = SampleFiles.Jpeg(PhotoExif, comment: "Witness Sokha Chan");
    private static readonly byte[] ImageExif = SampleFiles.Exif("Apple", "iPhone 8", "2025:03:15 16:00:00", "+07:00", 13.5123, 105.1234);
    private static readonly byte[] Image = SampleFiles.Png(ImageExif, "Witness Sokha Chan");

    [Fact]
    public async Task Public_copies_of_a_published_report_s_photos_lose_GPS_and_device_while_the_originals_keep_them()
    {
        var (author, coordinator) = await MonitorsAsync();
        var id = await FileAsync(author, Input("Excavator photographed", "Public"));
        var photo = await UploadOkAsync(author, id, Photo, "sokha-chan-house.jpg");
        var image = await UploadOkAsync(author, id, Image, "field.png");
        var document = await UploadOkAsync(author, id, SampleFiles.Pdf(), "statement.pdf");
        await PublishAsync(author, coordinator, id);
        var anonymous = app.AnonymousClient();

        var publicPhoto = await anonymous.GetByteArrayAsync(PublicUrl(id, photo));
        var publicImage = await anonymous.GetByteArrayAsync(PublicUrl(id, image));
        var originalPhoto = await coordinator.GetByteArrayAsync($"/api/v1/reports/{id}/evidence/{photo}");
        var originalImage = await coordinator.GetByteArrayAsync($"/api/v1/reports/{id}/evidence/{image}");

        Assert.Equal(Photo, originalPhoto);
        Assert.Equal(Image, originalImage);
        // The EXIF block ends with the GPS latitude and longitude, as rationals.
        Assert.True(RawStorage.Holds(originalPhoto, "Galaxy A12") && Contains(originalPhoto, PhotoExif[^48..]));
        Assert.True(RawStorage.Holds(originalImage, "iPhone 8") && Contains(originalImage, ImageExif[^48..]));
        foreach (var (copy, exif) in new[] { (publicPhoto, PhotoExif), (publicImage, ImageExif) })
        {
            Assert.False(Contains(copy, exif[^48..]), "the public copy holds the GPS position");
            Assert.False(RawStorage.Holds(copy, "Exif\0\0") || RawStorage.Holds(copy, "eXIf"), "the public copy holds an EXIF block");
            Assert.False(RawStorage.Holds(copy, "samsung") || RawStorage.Holds(copy, "iPhone") || RawStorage.Holds(copy, "Sokha"));
        }
        Assert.Equal(CaptureFacts.None, JpegMetadata.Read(publicPhoto));
        Assert.Equal(CaptureFacts.None, PngMetadata.Read(publicImage));
        Assert.Equal([0xFF, 0xD8], publicPhoto[..2]);

        var publicReport = await anonymous.GetJsonAsync($"/api/v1/reports/{id}");
        Assert.Equal([PublicUrl(id, photo), PublicUrl(id, image)], publicReport.GetProperty("publicPhotos").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal([(PublicUrl(id, photo), "image/jpeg"), (PublicUrl(id, image), "image/png"), (PublicUrl(id, document), "application/pdf")],
            publicReport.GetProperty("publicFiles").EnumerateArray().Select(f => (f.GetProperty("url").GetString(), f.GetProperty("contentType").GetString())));
        var page = await anonymous.GetStringAsync($"/reports/{id}");
        Assert.Contains($"<img src=\"{PublicUrl(id, photo)}\"", page);
        Assert.Contains($"<img src=\"{PublicUrl(id, image)}\"", page);
        Assert.Contains($"<a href=\"{PublicUrl(id, document)}\">Document 1 (PDF) of the report, without its metadata</a>", page);
        Assert.DoesNotContain("not published", page);
        Assert.DoesNotContain("13.80", page);
    }

    [Fact]
    public async Task A_published_report_s_video_recording_and_PDF_come_without_their_GPS_device_and_author_and_an_unpublished_report_s_do_not_come_at_all()
    {
        var (author, coordinator) = await MonitorsAsync();
        var published = await FileAsync(author, Input("Clearing filmed", "Public"));
        var video = await UploadOkAsync(author, published, SampleMedia.Mp4(), "sokha-chan.mp4");
        var recording = await UploadOkAsync(author, published, SampleMedia.Mp4("M4A "), "interview-sokha.m4a");
        var statement = await UploadOkAsync(author, published, SampleDocuments.Pdf(), "statement.pdf");
        await PublishAsync(author, coordinator, published);
        var submitted = await FileAsync(author, Input("Clearing filmed, not yet checked", "Public"));
        var unpublishedVideo = await UploadOkAsync(author, submitted, SampleMedia.Mp4(), "sokha-chan.mp4");
        await MoveOkAsync(author, submitted, "Submitted");
        var anonymous = app.AnonymousClient();

        using var videoResponse = await anonymous.GetAsync(PublicUrl(published, video));
        var videoCopy = await videoResponse.Content.ReadAsByteArrayAsync();
        var recordingCopy = await anonymous.GetByteArrayAsync(PublicUrl(published, recording));
        var statementCopy = await anonymous.GetByteArrayAsync(PublicUrl(published, statement));
        using var unpublished = await anonymous.GetAsync(PublicUrl(submitted, unpublishedVideo));

        Assert.Equal("video/mp4", videoResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"evidence-{video}.mp4", videoResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        foreach (var copy in new[] { videoCopy, recordingCopy })
        {
            Assert.False(SampleMedia.Holds(copy, SampleMedia.Iso6709) || SampleMedia.Holds(copy, "iPhone") || SampleMedia.Holds(copy, "samsung") || SampleMedia.Holds(copy, "Sokha"));
            Assert.Equal(SampleMedia.Pictures, copy[SampleMedia.PicturesOffsetInMp4..(SampleMedia.PicturesOffsetInMp4 + SampleMedia.Pictures.Length)]);
        }
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(statementCopy[..5]));
        Assert.False(SampleMedia.Holds(statementCopy, "Sokha") || SampleMedia.Holds(statementCopy, "Galaxy") || SampleMedia.Holds(statementCopy, "/Author"));
        await ProblemAsync(unpublished, HttpStatusCode.NotFound);
        var page = await anonymous.GetStringAsync($"/reports/{published}");
        Assert.Contains($"<video controls preload=\"none\" width=\"480\" src=\"{PublicUrl(published, video)}\" aria-label=\"Video 1 of the report, without its metadata\">", page);
        Assert.Contains($"<audio controls preload=\"none\" src=\"{PublicUrl(published, recording)}\" aria-label=\"Recording 1 of the report, without its metadata\">", page);
        Assert.Contains("ឯកសារទី 1 (PDF) នៃរបាយការណ៍ គ្មានទិន្នន័យមេតា", await anonymous.GetStringAsync($"/reports/{published}?culture=km"));
    }

    [Fact]
    public async Task A_public_copy_is_logged_as_exported_once_with_its_hash_not_at_every_view()
    {
        var (author, coordinator) = await MonitorsAsync();
        var id = await FileAsync(author, Input("Viewed many times", "Public"));
        var photo = await UploadOkAsync(author, id, Photo);
        await PublishAsync(author, coordinator, id);

        var copies = new List<byte[]>();
        foreach (var client in new[] { app.AnonymousClient(), app.AnonymousClient(), coordinator })
            copies.Add(await client.GetByteArrayAsync(PublicUrl(id, photo)));

        Assert.All(copies, c => Assert.Equal(copies[0], c));
        var entries = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().CustodyEntries
            .Where(e => e.FileId == photo).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([CustodyAction.Uploaded, CustodyAction.Exported], entries.Select(e => e.Action));
        Assert.Equal($"public copy without metadata, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(copies[0]))}", entries[1].Detail);
    }

    [Fact]
    public async Task Public_copies_of_unpublished_reports_answer_the_same_404_as_a_missing_report()
    {
        var (author, _) = await MonitorsAsync();
        var id = await FileAsync(author, Input("Submitted, not published", "Public"));
        var photo = await UploadOkAsync(author, id, Photo);
        await MoveOkAsync(author, id, "Submitted");
        var anonymous = app.AnonymousClient();

        var unpublished = await ProblemAsync(await anonymous.GetAsync(PublicUrl(id, photo)), HttpStatusCode.NotFound);
        var missing = await ProblemAsync(await anonymous.GetAsync(PublicUrl(Guid.NewGuid(), Guid.NewGuid())), HttpStatusCode.NotFound);
        var asAuthor = await ProblemAsync(await author.GetAsync(PublicUrl(id, photo)), HttpStatusCode.NotFound);

        Assert.Equal(WithoutTrace(missing), WithoutTrace(unpublished));
        Assert.Equal("There is no report with that id that you may see.", unpublished.GetProperty("detail").GetString());
        Assert.Equal("This report is not published, so its evidence has no public copy.", asAuthor.GetProperty("detail").GetString());
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Elsewhere"));
        var page = await outsider.GetStringAsync($"/reports/{id}");
        Assert.DoesNotContain("<img", page);
        Assert.Contains("Evidence files: 1.", page);
    }

    [Fact]
    public async Task Those_who_may_see_identities_get_each_file_s_metadata_and_custody_log_and_others_do_not()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        var (_, author) = await PersonAsync(app, Role.Member, organisation);
        var (_, coordinator) = await PersonAsync(app, Role.Coordinator, organisation);
        var (_, colleague) = await PersonAsync(app, Role.Member, organisation);
        var id = await FileAsync(author, Input("Photographed at the clearing", "Organisation"));
        var photo = await UploadOkAsync(author, id, Photo, @"C:\Users\Sokha\sokha-chan-house.jpg");
        await MoveOkAsync(author, id, "Submitted");
        await coordinator.GetByteArrayAsync($"/api/v1/reports/{id}/evidence/{photo}");
        using (var viewed = await coordinator.GetAsync($"/api/v1/reports/{id}/evidence/{photo}/view"))
        {
            Assert.Equal(Photo, await viewed.Content.ReadAsByteArrayAsync());
            Assert.Equal(("inline", "image/jpeg"), (viewed.Content.Headers.ContentDisposition?.DispositionType, viewed.Content.Headers.ContentType?.MediaType));
        }
        using (var refused = await colleague.GetAsync($"/api/v1/reports/{id}/evidence/{photo}/view"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var page = await coordinator.GetStringAsync($"/reports/{id}");
        var colleaguePage = await colleague.GetStringAsync($"/reports/{id}");

        foreach (var shown in new[] { "sokha-chan-house.jpg", "image/jpeg", Convert.ToHexStringLower(SHA256.HashData(Photo)), "2025-03-14 02:26:53 UTC",
            "13.804700, 104.980200", "samsung Galaxy A12", $"href=\"/api/v1/reports/{id}/evidence/{photo}\"", $"href=\"/api/v1/reports/{id}/evidence/{photo}/view\"",
            "Custody log intact: every entry still matches its hash (entries: 3).", "<td>Downloaded</td>", "<td>Viewed</td>", "id=\"evidence-upload\"", $"data-endpoint=\"/api/v1/reports/{id}/evidence\"", "<noscript>", "js/evidence-upload.js" })
            Assert.Contains(shown, page);
        foreach (var hidden in new[] { "Galaxy", "13.80", "sokha-chan-house", "evidence-upload\"", "Custody log" })
            Assert.DoesNotContain(hidden, colleaguePage);
        Assert.Matches($"<a href=\"/gazetteer/{PreahVihearCommune}\">S(&#x27;|')ang</a>", colleaguePage);
        Assert.Matches("<h1>S(&#x27;|')ang", await colleague.GetStringAsync($"/gazetteer/{PreahVihearCommune}"));
        Assert.Contains("Evidence files: 1.", colleaguePage);

        await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().CustodyEntries
            .Where(e => e.FileId == photo && e.Sequence == 2).ExecuteUpdateAsync(e => e.SetProperty(x => x.Who, "someone else")));
        Assert.Contains("Custody log broken at entry 2", await coordinator.GetStringAsync($"/reports/{id}"));
    }

    [Fact]
    public async Task A_video_s_recording_time_position_and_phone_show_to_its_author_and_not_to_another_organisation_or_the_public()
    {
        var (author, coordinator) = await MonitorsAsync();
        var (_, outsider) = await PersonAsync(app, Role.Member, await OrganisationAsync(app, "Elsewhere"));
        // The movie box comes after 300 kB of pictures, past the first bytes of the upload, as iPhones write it.
        var video = SampleMedia.Movie("mp42", SampleMedia.Since1904(new DateTime(2025, 3, 14, 3, 0, 0, DateTimeKind.Utc)), 300_000, SampleMedia.Keys(
            ("com.apple.quicktime.location.ISO6709", "+13.7512+104.6239+020.000/"),
            ("com.apple.quicktime.make", "Apple"),
            ("com.apple.quicktime.model", "iPhone 12"),
            ("com.apple.quicktime.creationdate", "2025-03-14T09:26:53+0700")));
        var id = await FileAsync(author, Input("Clearing filmed at night", "Public"));
        await UploadOkAsync(author, id, video, "clearing.mp4");
        string[] facts = ["2025-03-14 02:26:53 UTC", "13.751200, 104.623900", "Apple iPhone 12"];

        var authorPage = await author.GetStringAsync($"/reports/{id}");
        var khmerPage = await author.GetStringAsync($"/reports/{id}?culture=km");
        await MoveOkAsync(author, id, "Submitted");
        var outsiderBefore = await outsider.GetStringAsync($"/reports/{id}");
        foreach (var step in new[] { "UnderReview", "Verified", "Published" }) await MoveOkAsync(coordinator, id, step);
        var outsiderAfter = await outsider.GetStringAsync($"/reports/{id}");
        var publicPage = await app.AnonymousClient().GetStringAsync($"/reports/{id}");
        var publicReport = await app.AnonymousClient().GetStringAsync($"/api/v1/reports/{id}");

        Assert.All(facts, fact => Assert.Contains(fact, authorPage));
        Assert.Contains("<dt>Recorded (from the file&#x27;s metadata)</dt><dd>2025-03-14 02:26:53 UTC</dd>", authorPage);
        Assert.Contains("ថតនៅ (តាមទិន្នន័យមេតារបស់ឯកសារ)", khmerPage);
        Assert.Contains("Evidence files: 1.", outsiderBefore);
        Assert.Contains("<video controls", publicPage);
        Assert.Contains("<video controls", outsiderAfter);
        foreach (var page in new[] { outsiderBefore, outsiderAfter, publicPage, publicReport })
            foreach (var hidden in new[] { "02:26:53", "13.7512", "104.6239", "iPhone" })
                Assert.DoesNotContain(hidden, page);
    }

    [Fact]
    public async Task Evidence_can_be_added_until_the_report_is_verified()
    {
        var (author, coordinator) = await MonitorsAsync();
        var id = await FileAsync(author, Input("Verified without the late photo", "Network"));
        await MoveOkAsync(author, id, "Submitted");
        await MoveOkAsync(coordinator, id, "UnderReview");
        await UploadOkAsync(coordinator, id, Photo);
        await MoveOkAsync(coordinator, id, "Verified");

        var late = await ProblemAsync(await UploadAsync(author, id, Image, "late.png"), HttpStatusCode.Conflict);

        Assert.Equal("ReportClosed", late.GetProperty("code").GetString());
        Assert.StartsWith("This report is Verified: evidence can be added only until a coordinator verifies it", late.GetProperty("detail").GetString());
        var page = await author.GetStringAsync($"/reports/{id}");
        Assert.Contains("The report is Verified: evidence can no longer be added.", page);
        Assert.DoesNotContain("id=\"evidence-upload\"", page);
    }

    [Fact]
    public async Task Verification_names_the_file_altered_on_disk_and_the_changed_custody_entry_and_is_for_network_administrators_only()
    {
        var (author, coordinator) = await MonitorsAsync();
        var id = await FileAsync(author, Input("Evidence to verify", "Network"));
        var clean = await UploadOkAsync(author, id, Photo);
        var altered = await UploadOkAsync(author, id, [.. SampleFiles.Pdf(), .. RandomNumberGenerator.GetBytes(150_000)], "statement.pdf");
        var relogged = await UploadOkAsync(author, id, Image, "field.png");
        var path = await app.WithScopeAsync(async services => Path.Combine(
            services.GetRequiredService<EvidenceStore>().Directory, (await services.GetRequiredService<SpeanDbContext>().EvidenceFiles.FindAsync(altered))!.StoredName));
        var original = await File.ReadAllBytesAsync(path);
        var bytes = (byte[])original.Clone();
        bytes[100_000] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);
        await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().CustodyEntries
            .Where(e => e.FileId == relogged && e.Sequence == 1).ExecuteUpdateAsync(e => e.SetProperty(x => x.Detail, "image/png, 1 bytes")));
        try
        {
            var (_, administrator) = await Accounts.Administrators.PersonAsync(app, Role.NetworkAdministrator, null);
            using var response = await administrator.PostAsync("/api/v1/evidence/verification", null);
            var result = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(result.GetProperty("allIntact").GetBoolean());
            var files = result.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(files.Count, result.GetProperty("filesChecked").GetInt32());
            Assert.True(result.GetProperty("filesWithProblems").GetInt32() >= 2);
            JsonElement Result(Guid fileId) => files.Single(f => f.GetProperty("fileId").GetGuid() == fileId);
            Assert.True(Result(clean).GetProperty("intact").GetBoolean());
            Assert.False(Result(altered).GetProperty("intact").GetBoolean());
            Assert.Equal("The encrypted file was altered: part 2 fails its integrity check.", Result(altered).GetProperty("contentProblem").GetString());
            Assert.Null(Result(relogged).GetProperty("contentProblem").GetString());
            Assert.Matches("^entry 1 \\(Uploaded by .+\\) was changed after it was written$", Result(relogged).GetProperty("custodyProblem").GetString());
            Assert.True(files.IndexOf(Result(altered)) < files.IndexOf(Result(clean)), "files with problems come first");

            var organisationAdministrator = await app.ClientForAsync(await app.CreateUserAsync(Role.Administrator));
            using var asOrganisationAdministrator = await organisationAdministrator.PostAsync("/api/v1/evidence/verification", null);
            using var asCoordinator = await coordinator.PostAsync("/api/v1/evidence/verification", null);
            using var asAnonymous = await app.AnonymousClient().PostAsync("/api/v1/evidence/verification", null);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
                (asOrganisationAdministrator.StatusCode, asCoordinator.StatusCode, asAnonymous.StatusCode));
        }
        finally
        {
            await File.WriteAllBytesAsync(path, original);
        }
    }

    [Fact]
    public async Task Refusals_carry_a_code_in_the_API_and_read_in_Khmer_on_the_page()
    {
        var (author, coordinator) = await MonitorsAsync();
        var id = await FileAsync(author, Input("Refused steps", "Network"));
        await MoveOkAsync(author, id, "Submitted");

        var noReason = await ProblemAsync(await MoveAsync(coordinator, id, "Rejected", " "), HttpStatusCode.Conflict);
        var mismatch = await ProblemAsync(await UploadAsync(author, id, Photo, sha256: new string('a', 64)), HttpStatusCode.BadRequest);
        using var badReport = await author.PostAsJsonAsync("/api/v1/reports", new { clientId = Guid.NewGuid(), title = "", category = "weather" });
        var invalid = await ProblemAsync(badReport, HttpStatusCode.BadRequest);

        Assert.Equal(("ReasonRequired", "Say why the report is rejected: a reason is required."),
            (noReason.GetProperty("code").GetString(), noReason.GetProperty("detail").GetString()));
        Assert.Equal("HashMismatch", mismatch.GetProperty("code").GetString());
        Assert.Contains("its SHA-256 is", mismatch.GetProperty("detail").GetString());
        Assert.Equal("UnknownCategory", invalid.GetProperty("codes").GetProperty("category").GetString());
        Assert.Equal("TitleMissing", invalid.GetProperty("codes").GetProperty("title").GetString());

        var page = $"/reports/{id}?culture=km";
        using var refused = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Input.To"] = "Rejected", ["Input.Reason"] = "" }, formName: "move");
        var khmer = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"error\" role=\"alert\">សូមសរសេរមូលហេតុដែលបដិសេធរបាយការណ៍៖ ត្រូវតែមានមូលហេតុ។</p>", khmer);
        Assert.Contains("<span data-message=\"HashMismatch\">ឯកសារដែលបានមកដល់ មិនមែនជាឯកសារដែលឧបករណ៍របស់អ្នកបានផ្ញើទេ", await author.GetStringAsync(page));
        using var english = await coordinator.SubmitAsync($"/reports/{id}", new Dictionary<string, string> { ["Input.To"] = "Rejected", ["Input.Reason"] = "" }, formName: "move");
        Assert.Contains("Say why the report is rejected: a reason is required.", await english.Content.ReadAsStringAsync());
    }

    private async Task<(HttpClient Author, HttpClient Coordinator)> MonitorsAsync()
    {
        var organisation = await OrganisationAsync(app, "Monitors");
        return ((await PersonAsync(app, Role.Member, organisation)).Client, (await PersonAsync(app, Role.Coordinator, organisation)).Client);
    }

    private static string PublicUrl(Guid report, Guid file) => $"/api/v1/reports/{report}/evidence/{file}/public";

    private static bool Contains(byte[] bytes, byte[] part) => bytes.AsSpan().IndexOf(part) >= 0;

    private static string WithoutTrace(JsonElement problem) =>
        string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
}

public sealed class SqliteEvidencePagesTests(SqliteApp app) : EvidencePagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEvidencePagesTests(PostgresApp app) : EvidencePagesTests(app), IClassFixture<PostgresApp>;
