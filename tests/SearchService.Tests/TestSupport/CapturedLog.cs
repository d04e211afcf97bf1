using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// A logger provider that keeps the first <see cref="MaxKept"/> messages and the length of the longest one: bounded
/// itself, so a test can flood the service and still measure the service's memory.
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    public const int MaxKept = 2_000;

    private readonly ConcurrentQueue<string> messages = new();
    private int longest;

    public IReadOnlyCollection<string> Messages => messages.ToArray();

    public int LongestMessage => Volatile.Read(ref longest);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(string message)
    {
        var length = message.Length;
        for (var seen = Volatile.Read(ref longest); length > seen; seen = Volatile.Read(ref longest))
            if (Interlocked.CompareExchange(ref longest, length, seen) == seen)
                break;
        if (messages.Count < MaxKept)
            messages.Enqueue(message);
    }

    private sealed class Logger(CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add(formatter(state, exception));
    }
}
