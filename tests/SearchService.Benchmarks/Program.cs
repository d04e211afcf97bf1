using SearchService.Benchmarks.Performance;
using SearchService.Benchmarks.Relevance;
using SearchService.Benchmarks.Store;

namespace SearchService.Benchmarks;

/// <summary>Measurements of the engine, one class per command.</summary>
public static class Program
{
    private const string Usage = """
        Usage: SearchService.Benchmarks relevance [--questions 1-150] [--depth 1000] [--run FILE]
               SearchService.Benchmarks related [--sources 100] [--size 5] [--seed 7]
               SearchService.Benchmarks query|http [--scale 1|10] [--limit ARTICLES] [--queries-per-class N] [--warmup N] [--passes N] [--seed N] [--corpus FILE.jsonl] [--engines searchservice,lucene,java,sqlite] [--publisher-fields true] [--index-threads N] [--statements false] [--speaker-identities true]
                                          query only: [--build-warmup ARTICLES (each engine runs in a process of its own, its timed build after a throwaway build of the first ARTICLES; 2000 by default, 0 for none)]
                                          http only: [--connections 1,8,32] [--questions N (added to the mix; none by default)] [--api PUBLISHED.dll[,OTHER.dll...] --rounds N (each build N times in turns over one index; no start-up comparison)]
               SearchService.Benchmarks alerts [--alerts 10000] [--alert-set rare] [--webhooks] [--runs 3] [--limit ARTICLES] [--seed N] [--corpus FILE.jsonl]
               SearchService.Benchmarks cluster [--scale 1|10] [--limit ARTICLES] [--queries-per-class N] [--questions N] [--warmup N] [--passes N] [--seed N] [--postgres CONNECTION] [--silo-port 11411] [--api DLL] [--runs 3]
               SearchService.Benchmarks cluster-alerts [--alerts 1000] [--articles 200] [--runs 3] [--seed N] [--postgres CONNECTION] [--silo-port 11511]
               SearchService.Benchmarks store [--postgres CONNECTION] [--writes 1000] [--articles 2000] [--corpus FILE.jsonl]
               SearchService.Benchmarks speaker-table [--postgres CONNECTION] [--limit ARTICLES] [--corpus FILE.jsonl]
               SearchService.Benchmarks paging [--scale 1|10] [--limit ARTICLES] [--page-size 100] [--repeats 21] [--runs 3] [--corpus FILE.jsonl]
               SearchService.Benchmarks export --index DIR [--shards 3] [--runs 3] [--scale 1|10] [--limit ARTICLES] [--corpus FILE.jsonl]
        """;

    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "relevance" => RelevanceCommand.Run(args[1..]),
        "related" => RelatedCommand.Run(args[1..]),
        "query" => new QueryBenchmark(BenchmarkOptions.Parse(args[1..])).Run(),
        "http" => await new HttpLoadBenchmark(BenchmarkOptions.Parse(args[1..])).Run(),
        "cluster" => await ClusterCostBenchmark.Run(args[1..]),
        "cluster-alerts" => await ClusterAlertsBenchmark.Run(args[1..]),
        "store" => await StoreBenchmark.Run(args[1..]),
        "speaker-table" => await SpeakerTableBenchmark.Run(args[1..]),
        "alerts" => AlertsBenchmark.Run(args[1..]),
        "paging" => PagingBenchmark.Run(args[1..]),
        "export" => await ExportBenchmark.Run(args[1..]),
        _ => Fail(Usage),
    };

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
