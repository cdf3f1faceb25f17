using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>Keeps every log line the app writes, at every level, so tests can prove what never reaches the logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Removes and returns the lines kept so far, so a long run reads each line once and does not keep them all.</summary>
    public List<string> Take()
    {
        var taken = new List<string>();
        while (lines.TryDequeue(out var line)) taken.Add(line);
        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
