using System.Net;
using System.Net.Sockets;

namespace Spean.Core.Campaigns.Media;

/// <summary>A feed's bytes, or why there are none.</summary>
public sealed record FetchedFeed(byte[]? Body, FeedProblem? Problem, string? Detail);

/// <summary>
/// Fetches feeds over one shared HttpClient: a timeout, a size cap, a User-Agent, at most three redirects, and every
/// connection checked against <see cref="FeedAddresses"/> unless private addresses are allowed.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private readonly HttpClient client;
    private readonly MediaOptions options;

    public FeedFetcher(MediaOptions options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 3,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Spean-FeedReader/1.0 (+https://github.com/spean)");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
    }

    public async Task<FetchedFeed> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var limit = (long)Math.Max(1, options.MaxFeedKilobytes) * 1024;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new(null, FeedProblem.HttpStatus, $"{(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > limit) return TooLarge(limit);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var copy = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > limit) return TooLarge(limit);
            }
            return new(copy.ToArray(), null, null);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return new(null, FeedProblem.PrivateAddress, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new(null, FeedProblem.Unreachable, e.Message);
        }
        catch (IOException e)
        {
            return new(null, FeedProblem.Unreachable, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, FeedProblem.Unreachable, $"No answer within {options.TimeoutSeconds} seconds.");
        }
    }

    private static FetchedFeed TooLarge(long limit) => new(null, FeedProblem.TooLarge, $"Larger than {limit / 1024} KB.");

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!options.AllowPrivateAddresses && !addresses.All(FeedAddresses.IsPublic))
            throw new RefusedAddressException($"{host} resolves to a loopback, private or link-local address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => client.Dispose();

    private sealed class RefusedAddressException(string message) : Exception(message);
}
