using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.Reports;
using Spean.Testing;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// Reports queued offline on a phone reach the server exactly once each, with their photos, through a network that drops
/// requests, loses answers, sends requests twice, replays them late (out of order) and delays them, while the server is
/// killed midway (SIGKILL) and started again on the same port over the same data. The short version queues 20 reports;
/// SPEAN_BAD_NETWORK_REPORTS=500 runs the long one.
/// </summary>
[Collection(nameof(BrowserApp))]
public sealed class BadNetworkCaptureTests(BrowserApp app, ITestOutputHelper log)
{
    private const string Passphrase = "the river by the old pagoda";
    private const string Witness = "Dara Witness-Canary";
    private const int Seed = 20261206;

    [Fact]
    public async Task Every_queued_report_arrives_once_with_its_photo_through_a_network_that_drops_repeats_and_reorders_while_the_server_is_killed_and_restarted()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SPEAN_BAD_NETWORK_REPORTS"), CultureInfo.InvariantCulture, out var n) ? n : 20;
        var clock = Stopwatch.StartNew();
        await using var server = await RestartableServer.StartAsync();
        var (email, password) = await server.CreateMemberAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/capture");
        await capture.UnlockAsync(Passphrase, first: true);
        await capture.KeptForOfflineUseAsync();

        await page.Context.SetOfflineAsync(true);
        var hashes = new Dictionary<string, string>();
        for (var i = 1; i <= count; i++)
        {
            var title = $"Cluster munition remnant {i}";
            hashes[title] = await capture.QueueAsync(title, "A submunition lay in the rice field.", Witness, await capture.JpegAsync($"remnant {i}"));
        }
        var queued = clock.Elapsed;

        var network = await BadNetwork.RouteAsync(page, new Random(Seed));
        // Killed once about half the reports have arrived, while the phone is sending the next ones.
        var killed = KillWhenArrivedAsync(server, count / 2);
        await page.Context.SetOfflineAsync(false);
        var sent = page.Locator("#capture-queue-items li.sent");
        // The monitor presses "Send now" again whenever a send ends short, as long as it takes (within reason).
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(count / 4 + 2);
        var down = TimeSpan.Zero;
        while (await sent.CountAsync() < count && DateTime.UtcNow < giveUp)
        {
            await SendingEndedAsync(page, giveUp);
            if (killed.IsCompleted && !server.IsRunning)
            {
                await killed;
                // With the server down the monitor reloads the form: it opens from the phone, unlocks, and tries to send.
                var failuresBefore = network.ConnectionFailures;
                await page.ReloadAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record a report, even offline");
                await capture.UnlockAsync(Passphrase);
                await SendingEndedAsync(page, giveUp);
                // The monitor tries again until the phone's own connection is refused (the network may fail a try first).
                for (var tries = 0; network.ConnectionFailures == failuresBefore && tries < 20; tries++)
                {
                    await capture.SendNow.ClickAsync();
                    await SendingEndedAsync(page, giveUp);
                }
                Assert.True(network.ConnectionFailures > failuresBefore, $"the phone saw no failed connection while the server was down; {network}");
                Assert.NotEmpty(await page.Locator("#capture-queue-items li.failed").AllInnerTextsAsync());
                await server.StartAgainAsync();
                down = DateTime.UtcNow - server.KilledAt;
            }
            if (await sent.CountAsync() == count) break;
            await capture.SendNow.ClickAsync();
        }
        var unsent = await page.Locator("#capture-queue-items li:not(.sent)").AllInnerTextsAsync();
        Assert.True(unsent.Count == 0, $"not sent: {string.Join(" | ", unsent.Take(10))}; {network}; server: {ChildProgram.Last(server.Output)}");
        await network.LateReplaysDoneAsync();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} reports: queued in {queued.TotalSeconds:F0} s, all sent after {clock.Elapsed.TotalSeconds:F0} s; server started {server.Starts} times " +
            $"({string.Join(", ", server.StartTimes.Select(t => $"{t.TotalSeconds:F1} s"))} to answer), killed {server.Kills}, down {down.TotalSeconds:F1} s; {network}"));

        var stored = await capture.RawStorageAsync(Witness, "submunition", "JFIF");
        var leftovers = 0;
        await server.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var author = await db.Users.SingleAsync(u => u.Email == email);
            var reports = await db.Reports.Where(r => r.AuthorId == author.Id).ToListAsync();
            var evidence = await db.EvidenceFiles.ToListAsync();
            var people = await db.ReportPeople.ToListAsync();
            Assert.Equal(hashes.Keys.Order(), reports.Select(r => r.Title).Order());
            Assert.Equal(stored.ClientIds.Order(), reports.Select(r => r.ClientId).Order());
            Assert.Equal((count, count), (evidence.Count, people.Count));
            var store = services.GetRequiredService<EvidenceStore>();
            foreach (var report in reports)
            {
                var photo = Assert.Single(evidence, f => f.ReportId == report.Id);
                Assert.Equal(hashes[report.Title], photo.Sha256);
                // The file kept on the server, decrypted and hashed again: what arrived survived the kill.
                Assert.Null(await store.CheckAsync(photo));
                Assert.Single(people, p => p.ReportId == report.Id);
                Assert.Equal(ReportStatus.Submitted, report.Status);
            }
            // On the server's disk after the kill: every kept file, and whatever the kill left of an upload under way
            // (removed an hour later, EvidenceLeftovers), is encrypted; no photo lies there in clear.
            var files = Directory.GetFiles(Path.Combine(server.DataDirectory, "evidence"));
            leftovers = files.Select(Path.GetFileName).Except(evidence.Select(f => f.StoredName)).Count();
            Assert.Empty(evidence.Select(f => f.StoredName).Except(files.Select(Path.GetFileName)));
            foreach (var file in files)
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.True(bytes.AsSpan().StartsWith("SPEANEV1"u8) && bytes.AsSpan().IndexOf("JFIF"u8) < 0, $"{Path.GetFileName(file)} is not an encrypted evidence file");
            }
        });
        log.WriteLine($"left in the evidence folder by the kill, encrypted: {leftovers}");

        Assert.True(killed.IsCompleted, "the server was not killed: the reports arrived before half of them were seen");
        await killed;
        Assert.Equal((1, 2), (server.Kills, server.Starts));
        Assert.True(network.Dropped + network.AnswersLost + network.Duplicated + network.ReplayedLate > 0, "the network misbehaved");
        Assert.Equal((count, 0), (stored.Reports, stored.Photos));
        Assert.Empty(stored.Found);
        // Once the monitor clears the sent reports from the list, the phone keeps nothing of them at all.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove sent reports from this list" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capture-queue-summary")).ToHaveTextAsync("No reports on this phone.");
        var cleared = await capture.RawStorageAsync(Witness, "submunition", "JFIF");
        Assert.Equal((0, 0), (cleared.Reports, cleared.Photos));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_photo_whose_answer_never_comes_is_given_up_and_the_queue_sends_it_again_by_itself_once()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
        // The page's timers run on a clock the test moves on, so that minutes of waiting take no time.
        await page.Clock.InstallAsync();
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/capture");
        await capture.UnlockAsync(Passphrase, first: true);
        await page.Context.SetOfflineAsync(true);
        var hashes = new Dictionary<string, string>();
        foreach (var title in new[] { "Road blocked at the dam 1", "Road blocked at the dam 2" })
            hashes[title] = await capture.QueueAsync(title, "Soldiers turned back the villagers.", Witness, await capture.JpegAsync(title));

        // The first photo reaches the server, but no answer comes back and the connection is never reset: held until the test ends.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var photoPosts = 0;
        await page.RouteAsync("**/api/v1/reports/*/evidence", async route =>
        {
            if (Interlocked.Increment(ref photoPosts) > 1)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FetchAsync();
            held.SetResult();
        });
        await page.Context.SetOfflineAsync(false);
        await held.Task;
        await Assertions.Expect(capture.Item("Road blocked at the dam 1")).ToContainTextAsync("Sending");

        // Longer than a step waits with nothing moving (45 s with no byte sent; once all is sent, 45 s and the photo's time at
        // 10 kB/s for the answer), shorter than the old five minutes.
        await page.Clock.FastForwardAsync("01:00");
        await Assertions.Expect(capture.Item("Road blocked at the dam 1")).ToContainTextAsync("The connection dropped; it will be tried again.");
        await Assertions.Expect(capture.Item("Road blocked at the dam 2")).ToContainTextAsync("Waiting");
        // The queue tries again a minute later by itself, with nobody pressing "Send now".
        await page.Clock.FastForwardAsync("01:01");
        await Assertions.Expect(capture.Item("Road blocked at the dam 1")).ToContainTextAsync("Sent");
        await Assertions.Expect(capture.Item("Road blocked at the dam 2")).ToContainTextAsync("Sent");
        // Each photo POSTed once: asked what arrived, the server said it had kept the first, whose answer was lost.
        Assert.Equal(2, photoPosts);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var author = await db.Users.SingleAsync(u => u.Email == email);
        var reports = await db.Reports.Where(r => r.AuthorId == author.Id).ToListAsync();
        Assert.Equal(hashes.Keys.Order(), reports.Select(r => r.Title).Order());
        foreach (var report in reports)
            Assert.Equal(hashes[report.Title], Assert.Single(await db.EvidenceFiles.Where(f => f.ReportId == report.Id).ToListAsync()).Sha256);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_place_list_whose_first_load_the_connection_cut_is_found_on_the_phone_when_the_monitor_searches_offline()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
        // The page's own first request for the place list is cut; the service worker's copy (not routed) arrives.
        var cut = 0;
        await page.RouteAsync("**/api/v1/gazetteer/places", route =>
        {
            Interlocked.Increment(ref cut);
            return route.AbortAsync("connectionreset");
        });
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/capture");
        await capture.UnlockAsync(Passphrase, first: true);
        await capture.KeptForOfflineUseAsync();
        Assert.Equal(1, cut);

        await page.Context.SetOfflineAsync(true);
        await capture.QueueAsync("Flooded road to the commune", "The road was cut for a week.", Witness, await capture.JpegAsync("road"));
        await Assertions.Expect(capture.Item("Flooded road to the commune")).ToContainTextAsync("Waiting");
        await page.Context.CloseAsync();
    }

    private static async Task KillWhenArrivedAsync(RestartableServer server, int reports)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "spean.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Reports\"";
        while (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < reports)
            await Task.Delay(50);
        server.Kill();
    }

    /// <summary>The queue is marked busy while a send runs; a pass over hundreds of reports takes minutes.</summary>
    private static async Task SendingEndedAsync(IPage page, DateTime giveUp)
    {
        var busy = page.Locator("#capture-queue[aria-busy=true]");
        while (await busy.CountAsync() > 0 && DateTime.UtcNow < giveUp) await page.WaitForTimeoutAsync(50);
    }

    /// <summary>
    /// Sits between the phone and the reports API. Each request, by a seeded draw: is dropped before the server, reaches
    /// the server but loses its answer, reaches it twice, is replayed a second time later (after the requests that follow
    /// it), or passes; each after a delay. What the server does not answer (it is down) fails as the connection failed;
    /// requests the network lets through meet the server, or its absence, themselves.
    /// </summary>
    private sealed class BadNetwork
    {
        private readonly Random random;
        private readonly List<Task> replays = [];
        private readonly List<string> errors = [];
        private readonly ConcurrentDictionary<IRequest, bool> failedByNetwork = new();
        private readonly ConcurrentDictionary<string, int> connectionFailures = new();

        private BadNetwork(Random random) => this.random = random;

        public int Dropped, AnswersLost, Duplicated, ReplayedLate, ServerUnreachable, LateReplaysUnreachable;

        /// <summary>Requests the browser itself saw fail (refused, reset, no answer), not those the network failed on purpose.</summary>
        public int ConnectionFailures => connectionFailures.Values.Sum();

        public static async Task<BadNetwork> RouteAsync(IPage page, Random random)
        {
            var network = new BadNetwork(random);
            page.RequestFailed += (_, request) =>
            {
                if (request.Url.Contains("/api/v1/reports", StringComparison.Ordinal) && !network.failedByNetwork.ContainsKey(request))
                    network.connectionFailures.AddOrUpdate(request.Failure ?? "?", 1, (_, n) => n + 1);
            };
            await page.RouteAsync("**/api/v1/reports**", async route =>
            {
                try { await network.HandleAsync(page, route); }
                catch (PlaywrightException e) { lock (network.errors) network.errors.Add(e.Message.Split('\n')[0]); }
            });
            return network;
        }

        public override string ToString() =>
            $"dropped {Dropped}, answers lost {AnswersLost}, duplicated {Duplicated}, replayed late {ReplayedLate}; " +
            $"failed at the browser {ConnectionFailures} ({string.Join(", ", connectionFailures.Select(f => $"{f.Key} {f.Value}"))}); " +
            $"server unreachable behind the network {ServerUnreachable}, late replays unreachable {LateReplaysUnreachable}; errors: {string.Join("; ", errors)}";

        public Task LateReplaysDoneAsync() { lock (replays) return Task.WhenAll(replays.ToArray()); }

        private async Task HandleAsync(IPage page, IRoute route)
        {
            int fate, delay;
            lock (random) (fate, delay) = (random.Next(100), random.Next(150));
            await Task.Delay(delay);
            switch (fate)
            {
                case < 10:
                    Interlocked.Increment(ref Dropped);
                    await AbortAsync(route, "connectionreset");
                    break;
                case < 20:
                    Interlocked.Increment(ref AnswersLost);
                    if (await FetchAsync(route) is null) return;
                    await AbortAsync(route, "connectionreset");
                    break;
                case < 30:
                    Interlocked.Increment(ref Duplicated);
                    if (await FetchAsync(route) is null || await FetchAsync(route) is not { } second) return;
                    await route.FulfillAsync(new() { Response = second });
                    break;
                case < 40 when route.Request.Method == "POST":
                    Interlocked.Increment(ref ReplayedLate);
                    var request = route.Request;
                    await route.ContinueAsync();
                    lock (replays) replays.Add(ReplayLaterAsync(page, request, TimeSpan.FromMilliseconds(300 + delay * 5)));
                    break;
                default:
                    await route.ContinueAsync();
                    break;
            }
        }

        private Task AbortAsync(IRoute route, string error)
        {
            failedByNetwork[route.Request] = true;
            return route.AbortAsync(error);
        }

        /// <summary>The request sent on by the network; null when the server could not be reached, which the phone then sees.</summary>
        private async Task<IAPIResponse?> FetchAsync(IRoute route)
        {
            try
            {
                return await route.FetchAsync();
            }
            catch (PlaywrightException)
            {
                Interlocked.Increment(ref ServerUnreachable);
                await AbortAsync(route, "connectionrefused");
                return null;
            }
        }

        private async Task ReplayLaterAsync(IPage page, IRequest request, TimeSpan after)
        {
            await Task.Delay(after);
            try
            {
                await page.Context.APIRequest.FetchAsync(request);
            }
            catch (PlaywrightException)
            {
                Interlocked.Increment(ref LateReplaysUnreachable);
            }
        }
    }
}
