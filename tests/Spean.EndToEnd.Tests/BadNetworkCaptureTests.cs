using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// Reports queued offline on a phone reach the server exactly once each, with their photos, through a network that drops
/// requests, loses answers, sends requests twice, replays them late (out of order) and is unreachable for a while, as
/// when the server restarts. The short version queues 20 reports; SPEAN_BAD_NETWORK_REPORTS=500 runs the long one.
/// </summary>
[Collection(nameof(BrowserApp))]
public sealed class BadNetworkCaptureTests(BrowserApp app)
{
    private const string Passphrase = "the river by the old pagoda";
    private const string Witness = "Dara Witness-Canary";
    private const int Seed = 20261206;

    [Fact]
    public async Task Every_queued_report_arrives_once_with_its_photo_through_a_network_that_drops_repeats_reorders_and_goes_down()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SPEAN_BAD_NETWORK_REPORTS"), CultureInfo.InvariantCulture, out var n) ? n : 20;
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
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

        var network = await BadNetwork.RouteAsync(page, new Random(Seed));
        await page.Context.SetOfflineAsync(false);
        var sent = page.Locator("#capture-queue-items li.sent");
        // The monitor presses "Send now" again whenever a send ends short, as long as it takes (within reason).
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(count / 4 + 2);
        for (var pass = 0; await sent.CountAsync() < count && DateTime.UtcNow < giveUp; pass++)
        {
            await capture.SendingEndedAsync();
            if (pass == 1) network.GoDownFor(TimeSpan.FromSeconds(3));
            if (await sent.CountAsync() == count) break;
            await page.WaitForTimeoutAsync(250);
            await capture.SendNow.ClickAsync();
        }
        var unsent = await page.Locator("#capture-queue-items li:not(.sent)").AllInnerTextsAsync();
        Assert.True(unsent.Count == 0, $"not sent: {string.Join(" | ", unsent)}; {network}");
        await network.LateReplaysDoneAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var author = await db.Users.SingleAsync(u => u.Email == email);
        var reports = await db.Reports.Where(r => r.AuthorId == author.Id).ToListAsync();
        var evidence = await db.EvidenceFiles.Where(f => reports.Select(r => r.Id).Contains(f.ReportId)).ToListAsync();
        var people = await db.ReportPeople.Where(p => reports.Select(r => r.Id).Contains(p.ReportId)).ToListAsync();
        var stored = await capture.RawStorageAsync(Witness, "submunition", "JFIF");

        Assert.True(network.Dropped + network.AnswersLost + network.Duplicated + network.ReplayedLate + network.Refused > 0, "the network misbehaved");
        Assert.Equal(hashes.Keys.Order(), reports.Select(r => r.Title).Order());
        Assert.Equal(stored.ClientIds.Order(), reports.Select(r => r.ClientId).Order());
        foreach (var report in reports)
        {
            Assert.Equal(hashes[report.Title], Assert.Single(evidence, f => f.ReportId == report.Id).Sha256);
            Assert.Single(people, p => p.ReportId == report.Id);
            Assert.Equal(ReportStatus.Submitted, report.Status);
        }
        Assert.Equal((count, 0), (stored.Reports, stored.Photos));
        Assert.Empty(stored.Found);
    }

    /// <summary>
    /// Sits between the phone and the reports API. Each request, by a seeded draw: is dropped before the server, reaches
    /// the server but loses its answer, reaches it twice, is replayed a second time later (after the requests that follow
    /// it), or passes; while the network is down every request is refused.
    /// </summary>
    private sealed class BadNetwork
    {
        private readonly Random random;
        private readonly List<Task> replays = [];
        private readonly List<string> errors = [];
        private DateTime downUntil = DateTime.MinValue;

        private BadNetwork(Random random) => this.random = random;

        public int Dropped, AnswersLost, Duplicated, ReplayedLate, Refused;

        public static async Task<BadNetwork> RouteAsync(IPage page, Random random)
        {
            var network = new BadNetwork(random);
            await page.RouteAsync("**/api/v1/reports**", async route =>
            {
                try { await network.HandleAsync(page, route); }
                catch (PlaywrightException e) { lock (network.errors) network.errors.Add(e.Message.Split('\n')[0]); }
            });
            return network;
        }

        public override string ToString() =>
            $"dropped {Dropped}, answers lost {AnswersLost}, duplicated {Duplicated}, replayed late {ReplayedLate}, refused while down {Refused}; errors: {string.Join("; ", errors)}";

        public void GoDownFor(TimeSpan outage) => downUntil = DateTime.UtcNow + outage;

        public Task LateReplaysDoneAsync() { lock (replays) return Task.WhenAll(replays.ToArray()); }

        private async Task HandleAsync(IPage page, IRoute route)
        {
            if (DateTime.UtcNow < downUntil)
            {
                Interlocked.Increment(ref Refused);
                await route.AbortAsync("connectionrefused");
                return;
            }
            int fate, delay;
            lock (random) (fate, delay) = (random.Next(100), random.Next(150));
            await Task.Delay(delay);
            switch (fate)
            {
                case < 10:
                    Interlocked.Increment(ref Dropped);
                    await route.AbortAsync("connectionreset");
                    break;
                case < 20:
                    Interlocked.Increment(ref AnswersLost);
                    await route.FetchAsync();
                    await route.AbortAsync("connectionreset");
                    break;
                case < 30:
                    Interlocked.Increment(ref Duplicated);
                    await route.FetchAsync();
                    await route.FulfillAsync(new() { Response = await route.FetchAsync() });
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

        private static async Task ReplayLaterAsync(IPage page, IRequest request, TimeSpan after)
        {
            await Task.Delay(after);
            await page.Context.APIRequest.FetchAsync(request);
        }
    }
}
