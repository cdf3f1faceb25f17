using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Spean.Search.Bench.Load;

internal sealed record RouteFigures(LoadRoute Route, int Count, int Errors, string? FirstError, double PerSecond, double P50, double P95, double P99, double Max);

/// <summary>
/// Closed-loop users: each sends its next request when the last one is read, at once or after reading the page for a
/// random time (uniform, averaging <paramref name="think"/>), from its own loopback address (127.0.1.n), so per-address
/// limits see fifty people rather than one. A redirect (to sign-in, say) counts as an error.
/// </summary>
internal sealed partial class LoadGenerator(string url, LoadRoute[] routes, string token, string writerToken, TimeSpan think)
{
    public async Task<(List<RouteFigures> Routes, int Sent)> RunAsync(int users, TimeSpan warmUp, TimeSpan duration)
    {
        var clients = new List<HttpClient>();
        for (int user = 0; user < users; user++)
        {
            clients.Add(await ClientAsync(user));
        }
        var recordFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = recordFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = await Task.WhenAll(clients.Select((client, user) => Task.Run(() => UserAsync(client, user, recordFrom, stopAt))));
        foreach (var client in clients) client.Dispose();
        return (routes.Select((route, r) =>
        {
            var times = samples.SelectMany(s => s.Times[r]).ToList();
            times.Sort();
            double P(double q) => times.Count == 0 ? double.NaN : Percentiles.Of(times, q);
            return new RouteFigures(route, times.Count, samples.Sum(s => s.Errors[r]), samples.Select(s => s.FirstError[r]).FirstOrDefault(e => e is not null),
                times.Count / duration.TotalSeconds, P(0.50), P(0.95), P(0.99), times.Count == 0 ? double.NaN : times[^1]);
        }).ToList(), samples.Sum(s => s.Sent));
    }

    private sealed class Samples(int routes)
    {
        public List<double>[] Times { get; } = Enumerable.Range(0, routes).Select(_ => new List<double>()).ToArray();
        public int[] Errors { get; } = new int[routes];
        public string?[] FirstError { get; } = new string?[routes];

        /// <summary>Requests answered, warm-up included, to divide the app's CPU time by.</summary>
        public int Sent { get; set; }
    }

    private async Task<Samples> UserAsync(HttpClient client, int user, long recordFrom, long stopAt)
    {
        var samples = new Samples(routes.Length);
        var random = new Random(user);
        int total = routes.Sum(r => r.Weight);
        var buffer = new byte[64 * 1024];
        // Users who read start at random moments, not all in the same millisecond.
        if (think > TimeSpan.Zero) await Task.Delay(think * random.NextDouble());
        while (true)
        {
            int pick = random.Next(total), r = 0;
            while (pick >= routes[r].Weight) pick -= routes[r++].Weight;
            var route = routes[r];
            long started = Stopwatch.GetTimestamp();
            if (started >= stopAt) return samples;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(route.Caller == Caller.Writer ? HttpMethod.Post : HttpMethod.Get, url + LoadRoutes.Fill(route.Path, random));
                if (route.Caller == Caller.Token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (route.Caller == Caller.Writer)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", writerToken);
                    request.Content = JsonContent.Create(new
                    {
                        clientId = Guid.NewGuid(), title = "Filed during the load run", narrative = "A draft filed while others read.",
                        category = "land", occurredFrom = "2020-01-01", adminUnitCode = "12", confidentiality = "Network",
                    });
                }
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0)
                {
                }
                if (!response.IsSuccessStatusCode) error = $"{(int)response.StatusCode} {response.Headers.Location}";
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                error = e.GetType().Name + ": " + e.Message;
            }
            samples.Sent++;
            if (started >= recordFrom)
            {
                samples.Times[r].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (error is not null)
                {
                    samples.Errors[r]++;
                    samples.FirstError[r] ??= error;
                }
            }
            if (think > TimeSpan.Zero) await Task.Delay(think * 2 * random.NextDouble());
        }
    }

    private async Task<HttpClient> ClientAsync(int user)
    {
        var address = IPAddress.Parse($"127.0.1.{user + 1}");
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(user % 3 == 0 ? "km" : "en");
        if (routes.Any(r => r.Caller == Caller.SignedIn)) await SignInAsync(client);
        return client;
    }

    /// <summary>Signs in through the form, as a browser does, so the pages are served to a cookie.</summary>
    private async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync(url + "/account/login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Email"] = LoadData.MemberEmail;
        fields["Input.Password"] = LoadData.MemberPassword;
        using var response = await client.PostAsync(url + "/account/login", new FormUrlEncodedContent(fields));
        using var check = await client.GetAsync(url + "/api/v1/me");
        if (!check.IsSuccessStatusCode)
            throw new InvalidOperationException($"signing in failed: the form answered {(int)response.StatusCode} {response.Headers.Location}, /api/v1/me {(int)check.StatusCode}");
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
