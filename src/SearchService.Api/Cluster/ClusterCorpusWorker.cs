using Microsoft.Extensions.Options;
using SearchService.Cluster.Corpus;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core;
using SearchService.Core.Corpus;

namespace SearchService.Api.Cluster;

/// <summary>
/// The corpus folder in cluster mode: every node watching a folder competes for the corpus lease; the one holding it
/// reads the folder into the article log (<see cref="CorpusLogWriter"/>) every <see cref="SearchClusterOptions.CorpusPollInterval"/>,
/// the others wait and take over when its session ends (it stopped or died). Polling, not file events: a node taking
/// over has no events of what changed meanwhile, and a pass over unchanged files only compares stamps.
/// </summary>
public sealed class ClusterCorpusWorker(
    SiloArticleLog articleLog, ClusterSpeakerIdentities facets, IOptions<SearchOptions> search, IOptions<SearchClusterOptions> options, ILoggerFactory loggers)
    : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<ClusterCorpusWorker>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var corpus = new CorpusFolder(search.Value.CorpusPath);
        CorpusLease? lease = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var log = await articleLog.GetAsync();
                    if (lease is not null && !await lease.IsHeldAsync(stoppingToken))
                    {
                        logger.LogWarning("The corpus lease ended with its PostgreSQL session; taking it again");
                        await lease.DisposeAsync();
                        lease = null;
                    }
                    if (lease is null && (lease = await log.TryTakeCorpusLeaseAsync(stoppingToken)) is not null)
                        logger.LogInformation("This node holds the corpus lease: it reads {CorpusPath} into the article log", corpus.Root);
                    if (lease is not null && Directory.Exists(corpus.Root))
                        await new CorpusLogWriter(log, facets, loggers.CreateLogger<CorpusLogWriter>()).SynchronizeAsync(corpus, stoppingToken);
                }
                catch (ArticleLogUnavailableException e)
                {
                    logger.LogWarning("Corpus not read: {Problem}", e.Message);
                }
                await Task.Delay(options.Value.CorpusPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (lease is not null)
                await lease.DisposeAsync();
        }
    }
}
