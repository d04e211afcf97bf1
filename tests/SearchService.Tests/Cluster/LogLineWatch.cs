using Microsoft.Extensions.Logging;

namespace SearchService.Tests.Cluster;

/// <summary>A logger provider that tells when a message containing <paramref name="fragment"/> is first logged.</summary>
public sealed class LogLineWatch(string fragment) : ILoggerProvider
{
    private readonly string fragment = fragment;
    private readonly TaskCompletionSource seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a message containing the fragment is logged.</summary>
    public Task Seen => seen.Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogLineWatch watch) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains(watch.fragment, StringComparison.Ordinal))
                watch.seen.TrySetResult();
        }
    }
}
