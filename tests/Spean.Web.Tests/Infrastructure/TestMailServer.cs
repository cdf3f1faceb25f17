using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>A real SMTP server in the test process that asks for a user name and password and keeps every message it accepts.</summary>
public sealed class TestMailServer : IDisposable
{
    public const string UserName = "spean-mailer";
    public const string Password = "smtp-password-that-must-never-be-shown";

    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly Task running;

    public TestMailServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(true).AllowUnsecureAuthentication(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(messages));
        services.Add(new DelegatingUserAuthenticator((user, password) => user == UserName && password == Password));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>The one message to the address whose subject contains the text; fails when none or several arrived.</summary>
    public async Task<MimeMessage> SingleToAsync(string address, string subjectContains)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = To(address).Where(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal)).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count == 1, $"{found.Count} messages to {address} about \"{subjectContains}\"; all to them: "
                    + string.Join(" | ", To(address).Select(m => m.Subject)));
                return found[0];
            }
            await Task.Delay(50);
        }
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>A port that nothing listens on, for a mail server that cannot be reached.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        stop.Cancel();
        try { running.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
