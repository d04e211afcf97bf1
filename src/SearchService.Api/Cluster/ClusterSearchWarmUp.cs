using System.Diagnostics;
using SearchService.Api.Backends;
using SearchService.Api.Startup;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Api.Cluster;

/// <summary>
/// The search warm-up of a cluster node (a single node's is <see cref="SearchWarmUp"/>): once the server has started and
/// every shard answers, searches of every shape through the shards, with words of the newest paragraph, so that the
/// node's first users do not wait for the JIT of the gatherer, its grain calls and the JSON of the answers. Fewer
/// rounds than a single node's: each search here is asked of every shard, on every node. The node answers meanwhile.
/// </summary>
public sealed class ClusterSearchWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<ClusterSearchWarmUp> logger)
    : BackgroundService
{
    private const int Rounds = 10;

    /// <summary>How long the shards may take to answer after the node's start (copies activating, the log's catch-up).</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await lifetime.WhenStarted().WaitAsync(stopping);
            // Resolved once started: the backend's cursor codec needs the key the node's start reads (ClusterCursorKey).
            var backend = services.GetRequiredService<ISearchBackend>();
            var newest = await NewestParagraphAsync(backend, stopping);
            if (newest is null || SearchWarmUp.Shapes(newest.Text, newest.Region.FirstOrDefault()) is not { } requests)
            {
                logger.LogInformation("No search warm-up: the shards held no paragraph of two words to take its words from within {Minutes} min", AnswerWithin.TotalMinutes);
                return;
            }
            var clock = Stopwatch.StartNew();
            var searches = 1;
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var request in requests)
                {
                    await backend.SearchAsync(request, stopping);
                    searches++;
                }
            }
            logger.LogInformation("Warmed up with {Searches} searches through the shards in {Milliseconds:F0} ms", searches, clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        // A warm-up cut short by a shard failing leaves the node answering as it would have without it.
        catch (Exception e) when (e is ShardUnavailableException or QueryTimeoutException)
        {
            logger.LogInformation("Search warm-up stopped: {Message}", e.Message);
        }
    }

    /// <summary>
    /// The newest paragraph, once every shard answers and one holds a paragraph (a new cluster's corpus pass may not have
    /// written one yet); null when none does within <see cref="AnswerWithin"/>.
    /// </summary>
    private static async Task<SearchHit?> NewestParagraphAsync(ISearchBackend backend, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await backend.SearchAsync(new SearchRequest(null, PageSize: 1), stopping)).Hits is [var newest, ..])
                    return newest;
                if (clock.Elapsed > AnswerWithin)
                    return null;
            }
            catch (ShardUnavailableException) when (clock.Elapsed < AnswerWithin)
            {
            }
            await Task.Delay(TimeSpan.FromSeconds(1), stopping);
        }
    }
}
