namespace SearchService.Api.Startup;

/// <summary>When the host has started: the server listens, and work left for after the start may begin.</summary>
public static class HostStarted
{
    public static Task WhenStarted(this IHostApplicationLifetime lifetime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task;
    }
}
