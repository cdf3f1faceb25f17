using Spean.Core;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The evidence store on a real database and a real folder, with the size limit set to 1 MB.</summary>
public abstract class EvidenceStoreTests(SpeanApp app)
{
    public const long Limit = 1_000_000;
    private const string Monitor = "monitor@example.org";

    private static readonly byte[] Photo = SampleFiles.Jpeg(
        SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802), comment: "Witness Sokha Chan's house");

    private string EvidenceFolder => app.Services.GetRequiredService<EvidenceOptions>().DirectoryPath;

    [Fact]
    public async Task A_photo_is_kept_encrypted_with_its_metadata_and_a_custody_entry()
    {
        var upload = await UploadAsync(Photo, @"C:\Users\Chan Sokha\Pictures\sokha-chan-house.jpg");

        var outcome = await StoreAsync(upload, Photo);

        var file = Stored(outcome).File;
        Assert.False(Stored(outcome).AlreadyStored);
        Assert.Equal(("image/jpeg", Photo.LongLength, upload.Sha256), (file.ContentType, file.Size, file.Sha256));
        Assert.Equal(new DateTime(2025, 3, 14, 2, 26, 53, DateTimeKind.Utc), file.CapturedAt);
        Assert.Equal(13.8047, file.Latitude!.Value, 4);
        Assert.Equal("samsung Galaxy A12", file.Device);
        var stored = File.ReadAllBytes(Path.Combine(EvidenceFolder, file.StoredName));
        Assert.False(RawStorage.Holds(stored, "Sokha"), "the evidence store holds the photo's text in clear");
        Assert.False(RawStorage.Holds(stored, "Galaxy"), "the evidence store holds the camera model in clear");
        var database = await RawStorage.DatabaseBytesAsync(app);
        Assert.False(RawStorage.Holds(database, "sokha-chan-house"), "the database holds the original file name in clear");
        Assert.True(RawStorage.Holds(database, "samsung Galaxy A12"), "the raw bytes should show plain columns such as the device, or the check above proves nothing");
        var (name, chain) = await app.WithScopeAsync(async services =>
            (services.GetRequiredService<EvidenceStore>().OriginalNameOf(file), await services.GetRequiredService<CustodyLog>().VerifyAsync(file)));
        Assert.Equal("sokha-chan-house.jpg", name);
        Assert.True(chain.Intact);
        Assert.Equal(1, chain.Entries);
    }

    [Fact]
    public async Task Downloads_give_back_the_original_and_public_copies_lose_the_GPS_each_logged_in_the_chain()
    {
        var file = Stored(await StoreAsync(await UploadAsync(Photo), Photo)).File;

        var (original, publicCopy, chain, actions) = await AsMonitorAsync(async services =>
        {
            var store = services.GetRequiredService<EvidenceStore>();
            using var originalStream = new MemoryStream();
            await store.WriteOriginalAsync(file, originalStream, CustodyAction.Downloaded);
            using var publicStream = new MemoryStream();
            Assert.True(await services.GetRequiredService<PublicCopies>().WritePublicCopyAsync(file, publicStream));
            var check = await services.GetRequiredService<CustodyLog>().VerifyAsync(file);
            var logged = await services.GetRequiredService<SpeanDbContext>().CustodyEntries
                .Where(e => e.FileId == file.Id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
            return (originalStream.ToArray(), publicStream.ToArray(), check, logged);
        });

        Assert.Equal(Photo, original);
        Assert.Null(JpegMetadata.Read(publicCopy).Latitude);
        Assert.False(RawStorage.Holds(publicCopy, "Sokha"));
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal([CustodyAction.Uploaded, CustodyAction.Downloaded, CustodyAction.Exported], actions);
    }

    [Fact]
    public async Task A_retried_upload_returns_the_file_already_kept_and_stores_nothing_new()
    {
        var document = SampleFiles.Docx();
        var upload = await UploadAsync(document);
        var first = Stored(await StoreAsync(upload, document));
        var filesBefore = Directory.GetFiles(EvidenceFolder).Length;

        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StoreAsync(upload, document)));

        Assert.All(retries, r => Assert.Equal((first.File.Id, true), (Stored(r).File.Id, Stored(r).AlreadyStored)));
        Assert.Equal(filesBefore, Directory.GetFiles(EvidenceFolder).Length);
        Assert.Equal(1, await CountAsync(upload.ClientUploadId));
    }

    [Fact]
    public async Task Concurrent_first_tries_of_one_upload_keep_exactly_one_file()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 300_000));
        var upload = await UploadAsync(pdf);
        var filesBefore = Directory.Exists(EvidenceFolder) ? Directory.GetFiles(EvidenceFolder).Length : 0;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StoreAsync(upload, pdf))));

        Assert.Single(outcomes.Select(o => Stored(o).File.Id).Distinct());
        Assert.Equal(1, await CountAsync(upload.ClientUploadId));
        Assert.Equal(filesBefore + 1, Directory.GetFiles(EvidenceFolder).Length);
    }

    [Fact]
    public async Task A_hash_mismatch_is_refused_with_both_hashes_and_nothing_is_kept()
    {
        var damaged = (byte[])Photo.Clone();
        damaged[^10] ^= 0xFF;
        var upload = await UploadAsync(Photo);

        var rejected = Rejected(await StoreAsync(upload, damaged));

        Assert.Equal(EvidenceRejection.HashMismatch, rejected.Code);
        Assert.Contains(upload.Sha256, rejected.Message);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(damaged)), rejected.Message);
        Assert.Equal(0, await CountAsync(upload.ClientUploadId));
        Assert.Empty(Directory.GetFiles(EvidenceFolder, "*.partial"));
    }

    [Fact]
    public async Task A_retry_that_reuses_an_upload_id_for_another_file_is_refused()
    {
        var upload = await UploadAsync(SampleFiles.Png());
        await StoreAsync(upload, SampleFiles.Png());

        var rejected = Rejected(await StoreAsync(upload with { Sha256 = Hash(SampleFiles.Pdf()) }, SampleFiles.Pdf()));

        Assert.Equal(EvidenceRejection.UploadIdReused, rejected.Code);
    }

    [Theory]
    [InlineData(EvidenceRejection.UnsupportedType, "This file is a Windows program. Evidence can be photos (JPEG, PNG, WebP, HEIC)")]
    [InlineData(EvidenceRejection.UnsupportedType, "This file is a ZIP archive that is not a Word, Excel or OpenDocument text file.")]
    [InlineData(EvidenceRejection.TooLarge, "larger than the 1 MB limit")]
    [InlineData(EvidenceRejection.Empty, "The file is empty")]
    [InlineData(EvidenceRejection.InvalidHash, "must be 64 hexadecimal characters")]
    public async Task Refused_files_get_a_clear_reason_and_leave_nothing_behind(EvidenceRejection reason, string message)
    {
        byte[] content = message.Contains("Windows", StringComparison.Ordinal) ? [.. "MZ"u8, 0x90, 0, .. new byte[5000]]
            : message.Contains("ZIP", StringComparison.Ordinal) ? SampleFiles.Zip(("notes.txt", "hello"))
            : reason == EvidenceRejection.TooLarge ? [.. "%PDF-"u8, .. new byte[Limit]]
            : reason == EvidenceRejection.Empty ? []
            : SampleFiles.Pdf();
        var upload = await UploadAsync(content);
        if (reason == EvidenceRejection.InvalidHash) upload = upload with { Sha256 = "not-a-hash" };
        var filesBefore = Directory.Exists(EvidenceFolder) ? Directory.GetFiles(EvidenceFolder).Length : 0;

        var rejected = Rejected(await StoreAsync(upload, content));

        Assert.Equal(reason, rejected.Code);
        Assert.Contains(message, rejected.Message);
        Assert.Equal(filesBefore, Directory.Exists(EvidenceFolder) ? Directory.GetFiles(EvidenceFolder).Length : 0);
        Assert.Equal(0, await CountAsync(upload.ClientUploadId));
    }

    [Fact]
    public async Task Verification_names_an_altered_file_and_a_changed_custody_entry()
    {
        var video = SampleFiles.IsoMedia("isom").Concat(RandomNumberGenerator.GetBytes(200_000)).ToArray();
        var altered = Stored(await StoreAsync(await UploadAsync(video), video)).File;
        var relogged = Stored(await StoreAsync(await UploadAsync(Photo), Photo)).File;
        await AsMonitorAsync(services => services.GetRequiredService<EvidenceStore>().WriteOriginalAsync(relogged, Stream.Null, CustodyAction.Viewed));
        var clean = await app.WithScopeAsync(services => services.GetRequiredService<EvidenceVerification>().VerifyAllAsync());
        Assert.DoesNotContain(clean.Defects, d => d.FileId == altered.Id || d.FileId == relogged.Id);

        var path = Path.Combine(EvidenceFolder, altered.StoredName);
        var bytes = File.ReadAllBytes(path);
        bytes[100_000] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().CustodyEntries
            .Where(e => e.FileId == relogged.Id && e.Sequence == 2)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Who, "someone else")));

        var report = await app.WithScopeAsync(services => services.GetRequiredService<EvidenceVerification>().VerifyAllAsync());

        Assert.False(report.AllIntact);
        Assert.Contains(report.Defects, d => d.FileId == altered.Id && d.Problem.Contains("part 2 fails its integrity check", StringComparison.Ordinal));
        Assert.Contains(report.Defects, d => d.FileId == relogged.Id && d.Problem == "custody log broken: entry 2 (Viewed by someone else) was changed after it was written");
        File.Delete(path);
    }

    private static EvidenceStored Stored(Outcome<EvidenceStored> outcome)
    {
        Assert.Null(outcome.Refusal);
        return outcome.Value!;
    }

    private static Refusal Rejected(Outcome<EvidenceStored> outcome) => Assert.Single(outcome.Refusals);

    private Task<Outcome<EvidenceStored>> StoreAsync(EvidenceUpload upload, byte[] content) =>
        AsMonitorAsync(services => services.GetRequiredService<EvidenceStore>().StoreAsync(upload, new MemoryStream(content)));

    private Task<T> AsMonitorAsync<T>(Func<IServiceProvider, Task<T>> action) =>
        app.WithScopeAsync(services =>
        {
            services.GetRequiredService<AuditActor>().UserName = Monitor;
            return action(services);
        });

    private Task<int> AsMonitorAsync(Func<IServiceProvider, Task> action) => AsMonitorAsync(async services => { await action(services); return 0; });

    private Task<int> CountAsync(Guid clientUploadId) =>
        app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().EvidenceFiles.CountAsync(f => f.ClientUploadId == clientUploadId));

    private async Task<EvidenceUpload> UploadAsync(byte[] content, string name = "evidence") =>
        new(await app.WithScopeAsync(services => SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>())), Guid.CreateVersion7(), name, Hash(content));

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

public sealed class SqliteEvidenceApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The key from before settings moved to module sections, which deployments may still use; the PostgreSQL app uses the new one.
        builder.UseSetting("Spean:EvidenceMaxBytes", EvidenceStoreTests.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class PostgresEvidenceApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:Evidence:MaxBytes", EvidenceStoreTests.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteEvidenceStoreTests(SqliteEvidenceApp app) : EvidenceStoreTests(app), IClassFixture<SqliteEvidenceApp>;

public sealed class PostgresEvidenceStoreTests(PostgresEvidenceApp app) : EvidenceStoreTests(app), IClassFixture<PostgresEvidenceApp>;
