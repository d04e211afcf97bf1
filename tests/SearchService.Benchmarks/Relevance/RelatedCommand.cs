using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Benchmarks.Relevance;

/// <summary>
/// <c>related</c>: indexes the shared Reuters articles with the real indexer, asks for the articles related to a seeded
/// sample of source articles (ones the editors gave a topic) by words, by meaning and by both, and prints the share of
/// (source, related) pairs that share an editors' topic, and a topic or place, beside the share for random pairs.
/// Sources come from two parts, by Reuters file: tune (reut2-000..011, NEWID ≤ 12000) and held-out (reut2-012..021).
/// </summary>
public static class RelatedCommand
{
    private const int HeldOutFrom = 12_000;

    public static int Run(string[] args)
    {
        var sources = 100;
        var size = 5;
        var seed = 7;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sources": sources = int.Parse(args[i + 1]); break;
                case "--size": size = int.Parse(args[i + 1]); break;
                case "--seed": seed = int.Parse(args[i + 1]); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        var jsonl = SharedFolder.Reuters;
        var gold = Gold.Read(jsonl);
        var folder = Path.Combine(Path.GetTempPath(), "searchservice-related", Guid.NewGuid().ToString("N"));
        try
        {
            var corpus = Path.Combine(folder, "corpus");
            Directory.CreateDirectory(corpus);
            File.Copy(jsonl, Path.Combine(corpus, "reuters.jsonl")); // the service skips links that lead out of its corpus folder
            using var index = new SearchIndex(Path.Combine(folder, "index"), NullLogger<SearchIndex>.Instance);
            var clock = Stopwatch.StartNew();
            var indexed = new CorpusIndexer(index, NewsFacetExtractor.Load(null), new IndexingStatus(), NullLogger<CorpusIndexer>.Instance)
                .Synchronize(new CorpusFolder(corpus), null, CancellationToken.None);
            Console.WriteLine($"Indexed {indexed.Articles} articles in {clock.Elapsed.TotalSeconds:F1} s");
            using var embedder = new SentenceEmbedder();
            var finder = new RelatedArticleFinder(index, new ArticleLookup(index), new SemanticReranker(embedder));

            var random = new Random(seed);
            var withTopic = gold.Where(g => g.Value.Topics.Count > 0).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
            Console.WriteLine($"Related articles: {size} per source, {sources} sources per part (seed {seed}); a pair 'shares' when the editors gave both a same topic (or place)");
            Console.WriteLine("| part | by | share a topic | share a topic or place | ms per source |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var (part, ids) in new[] { ("tune", withTopic.Where(id => Number(id) <= HeldOutFrom)), ("held-out", withTopic.Where(id => Number(id) > HeldOutFrom)) })
            {
                var sample = ids.OrderBy(_ => random.Next()).Take(sources).ToList();
                var randomPairs = sample.SelectMany(s => Enumerable.Range(0, size).Select(_ => (s, withTopic[random.Next(withTopic.Count)]))).ToList();
                Console.WriteLine(Row(part, "random pairs", gold, randomPairs, 0));
                foreach (var by in new[] { RelatedBy.Words, RelatedBy.Meaning, RelatedBy.Both })
                {
                    clock.Restart();
                    var pairs = sample.SelectMany(s => finder.Find(new RelatedRequest(s, new SearchRequest(null), size, by))!.Hits.Select(h => (s, h.ArticleId))).ToList();
                    Console.WriteLine(Row(part, by.ToString().ToLowerInvariant(), gold, pairs, clock.Elapsed.TotalMilliseconds / sample.Count));
                }
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Row(string part, string by, Dictionary<string, Gold> gold, List<(string Source, string Related)> pairs, double msPerSource)
    {
        var topic = pairs.Count(p => gold[p.Source].Topics.Overlaps(gold[p.Related].Topics));
        var either = pairs.Count(p => gold[p.Source].Topics.Overlaps(gold[p.Related].Topics) || gold[p.Source].Places.Overlaps(gold[p.Related].Places));
        return $"| {part} | {by} | {Share(topic, pairs.Count)} | {Share(either, pairs.Count)} | {msPerSource:F1} |";
    }

    private static string Share(int count, int of) => of == 0 ? "–" : $"{(double)count / of:F3} ({count}/{of})";

    private static int Number(string id) => int.Parse(id.AsSpan("reuters-".Length));

    /// <summary>The editors' index terms of one Reuters article.</summary>
    private sealed record Gold(HashSet<string> Topics, HashSet<string> Places)
    {
        public static Dictionary<string, Gold> Read(string jsonl) => File.ReadLines(jsonl)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(
                e => e.GetProperty("id").GetString()!,
                e => new Gold(Terms(e, "topics"), Terms(e, "places")));

        private static HashSet<string> Terms(JsonElement article, string name) =>
            article.TryGetProperty(name, out var terms) ? terms.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
    }
}
