namespace SearchService.Core.Sharding;

/// <summary>One phase asked of several shards at once.</summary>
internal static class Scatter
{
    /// <summary>
    /// The answers of calls already under way, in their order, once all have come. Shards of this process have answered
    /// by the time their calls return, and are read without a task.
    /// </summary>
    public static async ValueTask<IReadOnlyList<T>> AllAsync<T>(IEnumerable<ValueTask<T>> calls)
    {
        var started = calls.ToList();
        if (started.TrueForAll(call => call.IsCompletedSuccessfully))
            return started.ConvertAll(call => call.Result);
        return await Task.WhenAll(started.Select(call => call.AsTask()));
    }
}
