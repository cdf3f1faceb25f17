using System.Net;
using System.Net.Sockets;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// A phone's link to the server, as a TCP relay between the browser and the app: what the phone sends goes no faster than
/// <see cref="UploadBytesPerSecond"/> and is counted, and the signal can be lost, which breaks every open connection midway. Chromium's
/// own network emulation cannot do either to an upload: it hands the body on whole and only delays the answer.
/// </summary>
internal sealed class WeakSignal : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int appPort;
    private readonly List<TcpClient> open = [];
    private readonly CancellationTokenSource closed = new();
    private bool lost;
    private long sent;

    public WeakSignal(string appUrl)
    {
        appPort = new Uri(appUrl).Port;
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The address the browser opens the app at.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Bytes the phone has sent through the link since <see cref="Restore"/> (or since it was made).</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Null for full speed.</summary>
    public int? UploadBytesPerSecond { get; set; }

    /// <summary>
    /// Every open connection is reset, as when a phone loses its network, and new ones are until <see cref="Restore"/>:
    /// otherwise the browser would send a request cut off on a kept-alive connection again on a new one, by itself.
    /// </summary>
    public void Lose()
    {
        lock (open)
        {
            lost = true;
            // A reset (no lingering), not a polite close: the other end learns of it as of a dropped network.
            foreach (var connection in open)
            {
                if (connection.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
                connection.Close();
            }
            open.Clear();
        }
    }

    public void Restore()
    {
        lock (open) (lost, sent) = (false, 0);
    }

    private async Task AcceptAsync()
    {
        while (!closed.IsCancellationRequested)
        {
            try
            {
                var phone = await listener.AcceptTcpClientAsync(closed.Token);
                lock (open)
                    if (lost)
                    {
                        phone.Client.LingerState = new LingerOption(true, 0);
                        phone.Close();
                        continue;
                    }
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, appPort, closed.Token);
                lock (open) open.AddRange([phone, server]);
                _ = RelayAsync(phone, server, throttled: true);
                _ = RelayAsync(server, phone, throttled: false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                if (closed.IsCancellationRequested) return;
            }
        }
    }

    private async Task RelayAsync(TcpClient from, TcpClient to, bool throttled)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await from.GetStream().ReadAsync(buffer, closed.Token)) > 0)
            {
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), closed.Token);
                if (!throttled) continue;
                Interlocked.Add(ref sent, read);
                if (UploadBytesPerSecond is { } rate) await Task.Delay(read * 1000 / rate, closed.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Lost, or closed at the other end.
        }
        finally
        {
            lock (open) open.RemoveAll(c => c == from || c == to);
            from.Close();
            to.Close();
        }
    }

    public void Dispose()
    {
        closed.Cancel();
        listener.Stop();
        Lose();
    }
}
