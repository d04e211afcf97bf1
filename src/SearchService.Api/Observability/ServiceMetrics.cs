using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Observability;

/// <summary>
/// Request counts and a latency histogram per route, plus the index's size and indexing state, written in the
/// Prometheus text format for <c>GET /metrics</c>.
/// </summary>
public sealed class ServiceMetrics(ArticleLookup articles, IndexingStatus status, SearchIndex index)
{
    private static readonly double[] BucketSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // Keyed only by closed sets (HttpMethodLabel, the service's route patterns, the status codes it answers with),
    // never by what a client sent, so these tables stop growing once each answer has been seen.
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), long> requests = new();
    private readonly ConcurrentDictionary<string, RouteLatency> latency = new(StringComparer.Ordinal);

    public void RequestDone(string method, string route, int statusCode, TimeSpan elapsed)
    {
        requests.AddOrUpdate((HttpMethodLabel.For(method), route, statusCode), 1, (_, n) => n + 1);
        latency.GetOrAdd(route, _ => new RouteLatency()).Add(elapsed.TotalSeconds);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP searchservice_http_requests_total HTTP requests answered, by method, route and status.");
        text.AppendLine("# TYPE searchservice_http_requests_total counter");
        foreach (var ((method, route, code), count) in requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture,
                $"searchservice_http_requests_total{{method=\"{method}\",route=\"{Escape(route)}\",status=\"{code}\"}} {count}\n");

        text.AppendLine("# HELP searchservice_http_request_duration_seconds Time to answer HTTP requests, by route.");
        text.AppendLine("# TYPE searchservice_http_request_duration_seconds histogram");
        foreach (var (route, histogram) in latency.OrderBy(r => r.Key, StringComparer.Ordinal))
            histogram.Render(text, Escape(route));

        var size = articles.Statistics();
        Gauge(text, "searchservice_index_articles", "Articles searchable now.", size.Articles);
        Gauge(text, "searchservice_index_paragraphs", "Paragraphs (Lucene documents) searchable now.", size.Paragraphs);
        Gauge(text, "searchservice_index_size_bytes", "Bytes of the index folder on disk.", IndexBytes());
        Gauge(text, "searchservice_indexing", "1 while a pass over the corpus (or a rebuild) runs.", status.IsIndexing ? 1 : 0);
        Gauge(text, "searchservice_indexing_lag_seconds",
            "How long the running pass over the corpus has been going (0 when idle): changes wait at most this long.",
            status.RunningSince is { } since ? Math.Max(0, (DateTimeOffset.UtcNow - since).TotalSeconds) : 0);
        Gauge(text, "searchservice_corpus_files_skipped", "Corpus files that could not be read.", status.SkippedFiles.Count);
        Gauge(text, "searchservice_corpus_lines_skipped", "Lines of .jsonl corpus files that were skipped.", status.SkippedLines);
        return text.ToString();
    }

    private long IndexBytes() =>
        new DirectoryInfo(index.Path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file =>
        {
            try
            {
                return file.Length;
            }
            catch (FileNotFoundException)
            {
                return 0; // merged away while we counted
            }
        });

    private static void Gauge(StringBuilder text, string name, string help, double value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
    }

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private sealed class RouteLatency
    {
        private readonly long[] counts = new long[BucketSeconds.Length];
        private readonly System.Threading.Lock gate = new();
        private long total;
        private double sum;

        public void Add(double seconds)
        {
            lock (gate)
            {
                for (var i = 0; i < BucketSeconds.Length; i++)
                    if (seconds <= BucketSeconds[i])
                        counts[i]++;
                total++;
                sum += seconds;
            }
        }

        public void Render(StringBuilder text, string route)
        {
            lock (gate)
            {
                for (var i = 0; i < BucketSeconds.Length; i++)
                    text.Append(CultureInfo.InvariantCulture,
                        $"searchservice_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{BucketSeconds[i]}\"}} {counts[i]}\n");
                text.Append(CultureInfo.InvariantCulture,
                    $"searchservice_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {total}\n");
                text.Append(CultureInfo.InvariantCulture, $"searchservice_http_request_duration_seconds_sum{{route=\"{route}\"}} {sum}\n");
                text.Append(CultureInfo.InvariantCulture, $"searchservice_http_request_duration_seconds_count{{route=\"{route}\"}} {total}\n");
            }
        }
    }
}
