using System.Diagnostics.Metrics;
using SearchService.Api.Cluster;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Api.Observability;

/// <summary>
/// The service's own instruments, on the meter <see cref="MeterName"/>, beside ASP.NET Core's HTTP metrics: the
/// index's size and indexing state and the semantic re-ranking's vector cache, read when <c>/metrics</c> is scraped, and
/// the time searches take by kind of query.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "SearchService";
    public const string QueryKindTag = "searchservice.query.kind";

    private readonly Histogram<double> searchDuration;

    /// <param name="services">
    /// Where the index is found when the gauges are read: the index opens at start-up, after the meter is set up, so it
    /// is not resolved here.
    /// </param>
    public ServiceMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(MeterName);
        // A cluster node opens no index of its own: its shards have gauges of their own (ShardMetrics).
        if (!SearchClusterOptions.IsEnabled(services.GetRequiredService<IConfiguration>()))
        {
            meter.CreateObservableGauge("searchservice.index.articles",
                () => services.GetRequiredService<ArticleLookup>().Statistics().Articles, "{article}", "Articles searchable now.");
            meter.CreateObservableGauge("searchservice.index.paragraphs",
                () => services.GetRequiredService<ArticleLookup>().Statistics().Paragraphs, "{paragraph}", "Paragraphs (Lucene documents) searchable now.");
            meter.CreateObservableGauge("searchservice.index.size",
                () => FolderBytes.Of(services.GetRequiredService<SearchIndex>().Path), "By", "Bytes of the index folder on disk.");
        }
        var status = services.GetRequiredService<IndexingStatus>();
        meter.CreateObservableGauge("searchservice.indexing.active",
            () => status.IsIndexing ? 1 : 0, "{pass}", "1 while a pass over the corpus (or a rebuild) runs.");
        meter.CreateObservableGauge("searchservice.indexing.lag",
            () => status.RunningSince is { } since ? Math.Max(0, (DateTimeOffset.UtcNow - since).TotalSeconds) : 0, "s",
            "How long the running pass over the corpus has been going (0 when idle): changes wait at most this long.");
        meter.CreateObservableGauge("searchservice.corpus.files_skipped",
            () => status.SkippedFiles.Count, "{file}", "Corpus files that could not be read.");
        meter.CreateObservableGauge("searchservice.corpus.lines_skipped",
            () => status.SkippedLines, "{line}", "Lines of .jsonl corpus files that were skipped.");
        meter.CreateObservableCounter("searchservice.semantic.vectors", () => SemanticVectors(services), "{vector}",
            "Vectors the semantic re-ranking needed, of queries and of hits: cache=hit when it had them already, cache=miss when the model computed them (about 10 ms of CPU each).");
        searchDuration = meter.CreateHistogram("searchservice.search.duration", "s", "Time to run a search, by kind of query.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    /// <summary>Records the time <paramref name="result"/> took (its own <c>tookMs</c>) and hands it on.</summary>
    public SearchResult Searched(SearchRequest request, SearchResult result)
    {
        searchDuration.Record(result.TookMs / 1000, new KeyValuePair<string, object?>(QueryKindTag, QueryKind(request)));
        return result;
    }

    private static IEnumerable<Measurement<long>> SemanticVectors(IServiceProvider services) =>
        services.GetService<SemanticReranker>() is { } reranker
            ? [new(reranker.CachedVectorsUsed, new KeyValuePair<string, object?>("cache", "hit")),
               new(reranker.VectorsEmbedded, new KeyValuePair<string, object?>("cache", "miss"))]
            : [];

    private static string QueryKind(SearchRequest request) => request.Syntax == QuerySyntax.Lucene ? "lucene" : "words";
}
