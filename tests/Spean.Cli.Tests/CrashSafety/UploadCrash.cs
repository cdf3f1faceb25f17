using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Taxonomies;
using Spean.Testing;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>
/// An evidence upload to the real web app (`Spean.Web.dll` on a free port of 127.0.0.1, its own database, key ring and
/// evidence folder), the app killed while the file streams in or is being kept, restarted, and the upload retried with
/// the same upload id and file, as the report page does, or from what the app says it holds, as the phone's offline queue
/// does (every other round). Each round uploads a new file.
/// </summary>
internal sealed class UploadCrash(int fileBytes, int pauseMilliseconds) : CrashScenario
{
    private const string Token = "spean_crash-harness-upload-token";
    private string Data => Path.Combine(Folder, "data");
    private readonly int port = ChildProgram.FreePort();
    private readonly List<(Guid UploadId, byte[] File, bool Resumable)> uploads = [];
    private ChildProgram? app;
    private Guid reportId;

    public override string Operation => string.Create(CultureInfo.InvariantCulture, $"evidence upload ({fileBytes / 1_000_000.0:0.#} MB, web app killed)");

    private Uri Address => new($"http://127.0.0.1:{port}");

    public override async Task SetUpAsync()
    {
        await CrashChecks.WithServicesAsync(Data, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: false);
            var db = services.GetRequiredService<SpeanDbContext>();
            var accounts = services.GetRequiredService<UserAccounts>();
            var organisation = await accounts.FindOrCreateOrganisationAsync("Crash organisation");
            var created = await accounts.CreateUserAsync(new NewUser("monitor@crash.example", "Crash monitor", Role.Member, organisation.Id, null));
            var monitor = created.User ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                UserId = monitor.Id, Name = "crash", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1), Scope = TokenScope.ReadWrite,
                TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            });
            db.AdminUnits.Add(new AdminUnit { Code = "99", Level = AdminLevel.Province, NameKm = "សាកល្បង", NameLatin = "Test", TypeKm = "ខេត្ត", TypeEn = "Province", ProvinceCode = "99" });
            var report = new Report
            {
                ClientId = Guid.CreateVersion7(), Title = "Clearing of the village", Narrative = "Recorded on site", Category = ReportCategories.All[1].Code,
                OccurredFrom = new DateOnly(2026, 11, 1), ReportedAt = DateTime.UtcNow, AdminUnitCode = "99", OrganisationId = organisation.Id, AuthorId = monitor.Id,
            };
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            reportId = report.Id;
        });
    }

    public override Task BeforeRoundAsync(int round)
    {
        // Every other round as the phone sends (resumable), the others as the report page does (the file first).
        uploads.Add((Guid.CreateVersion7(), RotationCrash.Recording(fileBytes, 1000 + round), Resumable: round % 2 == 1));
        return Task.CompletedTask;
    }

    public override async Task<Running> StartAsync(int round)
    {
        var server = await StartAppAsync();
        var (uploadId, file, resumable) = uploads[^1];
        // Sent at a phone's pace, so the kill can find the file half received as well as being kept.
        var upload = UploadAsync(uploadId, file, resumable ? 0 : null, slowly: true);
        return new Running(upload, () =>
        {
            var inFlight = !upload.IsCompleted;
            server.Kill();
            return inFlight;
        });
    }

    public override async Task<string> AfterKillAsync(int round, List<string> failures)
    {
        if (app is { HasExited: false }) return "the app still running";
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add("after the kill: " + broken);
            return "a damaged database";
        }
        var kept = await RowsAsync(uploads[^1].UploadId);
        var onDisk = Directory.Exists(Path.Combine(Data, "evidence")) ? Directory.GetFiles(Path.Combine(Data, "evidence")).Length : 0;
        return kept > 0 ? "the file kept" : onDisk > uploads.Count - 1 ? "a file on disk without its row" : "nothing of this upload";
    }

    public override async Task RerunAsync(int round, List<string> failures)
    {
        await StartAppAsync();
        var (uploadId, file, resumable) = uploads[^1];
        long? offset = null;
        if (resumable)
        {
            // As the phone does: asks what arrived before the kill and sends the rest.
            using var client = Client();
            var held = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}/evidence/uploads/{uploadId}");
            if (held.GetProperty("fileId").ValueKind == JsonValueKind.String) return;
            offset = held.GetProperty("receivedBytes").GetInt64();
        }
        using var response = await UploadAsync(uploadId, file, offset, slowly: false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            failures.Add($"the retried upload was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public override async Task CheckAsync(int round, List<string> failures)
    {
        if (CrashChecks.Integrity(Data) is { } broken)
        {
            failures.Add(broken);
            return;
        }
        foreach (var (uploadId, _, _) in uploads)
            if (await RowsAsync(uploadId) is var rows and not 1)
                failures.Add($"upload {uploadId} is kept {rows} times");
        CrashChecks.Evidence(Data, failures, [.. uploads.Select(u => u.File[..64])]);
        await CrashChecks.VerifyAsync(Data, failures);
    }

    public override async ValueTask DisposeAsync()
    {
        app?.Dispose();
        await base.DisposeAsync();
    }

    private async Task<int> RowsAsync(Guid uploadId)
    {
        var rows = 0;
        await CrashChecks.WithServicesAsync(Data, async services =>
            rows = await services.GetRequiredService<SpeanDbContext>().EvidenceFiles.CountAsync(f => f.ClientUploadId == uploadId));
        return rows;
    }

    /// <param name="offset">
    /// Null: the file first, as the report page sends it (the app encrypts it to disk before it knows the upload id, the
    /// longest stretch to be killed in). Otherwise as the phone sends it: hash, upload id and offset first, then the file
    /// from that offset, so that what arrives before a kill is kept to be continued.
    /// </param>
    private async Task<HttpResponseMessage> UploadAsync(Guid uploadId, byte[] file, long? offset, bool slowly)
    {
        using var client = Client();
        using var form = new MultipartFormDataContent();
        var rest = file[(int)(offset ?? 0)..];
        var content = new StreamContent(slowly ? new Trickle(rest, pauseMilliseconds) : new MemoryStream(rest), 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        if (offset is null) form.Add(content, "file", "interview.wav");
        form.Add(new StringContent(Convert.ToHexStringLower(SHA256.HashData(file))), "sha256");
        form.Add(new StringContent(uploadId.ToString()), "clientUploadId");
        if (offset is { } from)
        {
            form.Add(new StringContent(from.ToString(CultureInfo.InvariantCulture)), "offset");
            form.Add(content, "file", "interview.wav");
        }
        return await client.PostAsync($"/api/v1/reports/{reportId}/evidence", form);
    }

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    private async Task<ChildProgram> StartAppAsync()
    {
        if (app is { HasExited: false }) return app;
        app?.Dispose();
        app = ChildProgram.StartWebApp(CrashChecks.Web, Address, new Dictionary<string, string?>
        {
            ["Spean__DataDirectory"] = Data,
            ["Spean__LoadReferenceDataOnStart"] = "false",
            // Nothing else writes evidence here, so what an interrupted upload left can go at once.
            ["Spean__Evidence__LeftoverAge"] = "00:00:00",
        });
        await app.AnswersAsync(Address, "/health", TimeSpan.FromMinutes(5));
        return app;
    }

    /// <summary>A file read out in 64 KB pieces with a pause between them, as a slow mobile connection delivers it.</summary>
    private sealed class Trickle(byte[] file, int pauseMilliseconds) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => file.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(pauseMilliseconds, cancellationToken);
            var count = Math.Min(Math.Min(buffer.Length, 64 * 1024), file.Length - position);
            file.AsMemory(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
