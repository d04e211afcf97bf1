using System.Diagnostics;
using Lucene.Net.Analysis;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Core.Sharding;

/// <summary>
/// Answers searches over an index split into shards by article (<see cref="ShardRouter"/>) as one index of the same
/// articles answers them: the same hits in the same order, the same totals and facet counts. The query is parsed once,
/// its typos corrected from every shard's words; then each shard gives its figures for the query's terms, which are
/// summed (dfs); each shard searches scoring with the sums and gives its best hits and every facet count (query); the
/// gatherer puts the hits in one order (re-scoring a question and re-ranking by meaning over the best of all), sums the
/// counts, and asks each shard for its hits of the page only (fetch). The shards are searched in this process
/// (<see cref="IndexShardSource"/>) or elsewhere: what passes between them and the gatherer is plain data (<see cref="IShard"/>).
/// </summary>
public sealed class ShardedSearcher
{
    private readonly IReadOnlyList<IShardSource> shards;
    private readonly SearchStages stages;
    private readonly HitGatherer gatherer;

    /// <param name="shards">The shards, in the order <see cref="ShardRouter"/> numbers them.</param>
    /// <param name="synonyms">Applied to simple-syntax queries; null: the list shipped in Data/.</param>
    /// <param name="semantic">Re-orders the best hits by meaning when a request asks for it; null: no request may.</param>
    /// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
    public ShardedSearcher(IReadOnlyList<SearchIndex> shards, Synonyms? synonyms = null, SemanticReranker? semantic = null, QueryCostLimits? limits = null)
        : this(AtLeastOne(shards)[0].Analyzer, synonyms, semantic, limits, stages => shards.Select(s => new IndexShardSource(s, stages)).ToList())
    {
    }

    /// <param name="shards">The shards, wherever they are, in the order <see cref="ShardRouter"/> numbers them; each
    /// parses requests with the same synonyms and limits as given here.</param>
    /// <param name="analyzer">The analyzer the shards were written with (<see cref="IndexSchema.CreateAnalyzer"/>).</param>
    public ShardedSearcher(
        IReadOnlyList<IShardSource> shards, Analyzer analyzer, Synonyms? synonyms = null, SemanticReranker? semantic = null, QueryCostLimits? limits = null)
        : this(analyzer, synonyms, semantic, limits, _ => AtLeastOne(shards))
    {
    }

    private ShardedSearcher(
        Analyzer analyzer, Synonyms? synonyms, SemanticReranker? semantic, QueryCostLimits? limits, Func<SearchStages, IReadOnlyList<IShardSource>> shardsFor)
    {
        stages = new SearchStages(analyzer, synonyms, semantic, limits);
        gatherer = new HitGatherer(stages.Rescorer);
        shards = shardsFor(stages);
    }

    /// <summary>Whether requests may ask for <see cref="SearchRequest.SemanticRerank"/>.</summary>
    public bool CanRerankSemantically => stages.SemanticReranking.Depth > 0;

    /// <inheritdoc cref="ParagraphSearcher.Search"/>
    public SearchResult Search(SearchRequest request)
    {
        if (request.SemanticRerank && !CanRerankSemantically)
            throw new InvalidOperationException("This searcher was made without a semantic re-ranker.");
        var clock = Stopwatch.StartNew();
        return WithShards(parts =>
        {
            var parsed = stages.Parser.Parse(request, new SpellingCorrector(new ShardedVocabulary(parts)));
            var shardRequest = new ShardRequest(request, parsed?.Corrections ?? [], stages.SemanticReranking.Depth);
            var plan = RankingPlan.For(request, parsed, stages.SemanticReranking.Depth);
            var statistics = CorpusStatistics.Sum(parts.Select(p => p.Statistics(shardRequest)));
            var answers = parts.Select(p => p.Query(shardRequest, statistics)).ToList();
            var gathered = gatherer.Gather(parts, shardRequest, plan, statistics, answers);
            var ordered = stages.SemanticReranking.Rerank(request.Query, plan, gathered.Best, hit => parts[hit.Shard].Passage(hit.Hit.Doc));
            var page = HitFetcher.PageOf(ordered.Order, request).ToList();
            var fetched = Fetch(parts, shardRequest, gathered, page);
            var hits = page.Select(hit => HitFetcher.WithPlace(fetched[hit], ordered.Places.GetValueOrDefault(hit))).ToList();
            var total = answers.Sum(a => a.Total);
            long? totalArticles = request.Unit == ResultUnit.Article ? answers.Sum(a => a.TotalArticles ?? 0) : null;
            var facets = GatheredFacets.Merge(request, answers.Select(a => a.Facets).ToList());
            return stages.Assembler.Assemble(request, parsed, total, totalArticles, hits, facets, clock.Elapsed);
        });
    }

    /// <inheritdoc cref="ParagraphSearcher.FacetValues"/>
    public IReadOnlyList<FacetValue> FacetValues(SearchRequest request, string facet, string prefix, int size) =>
        WithShards(parts =>
        {
            var parsed = stages.Parser.Parse(request, new SpellingCorrector(new ShardedVocabulary(parts)));
            var shardRequest = new ShardRequest(request, parsed?.Corrections ?? [], stages.SemanticReranking.Depth);
            return FacetCounting.Listed(GatheredFacets.Sum(parts.Select(p => p.FacetValues(shardRequest, facet))), prefix, size);
        });

    /// <summary>Each shard reads its hits of the page, all of them at once.</summary>
    private static Dictionary<GatheredHit, SearchHit> Fetch(
        IReadOnlyList<IShard> parts, ShardRequest request, GatheredHits gathered, IReadOnlyList<GatheredHit> page)
    {
        var fetched = new Dictionary<GatheredHit, SearchHit>();
        foreach (var onShard in page.GroupBy(h => h.Shard))
        {
            var hits = onShard.ToList();
            var rescored = gathered.Rescored.Where(d => d.Shard == onShard.Key).Select(d => d.Doc).ToHashSet();
            var read = parts[onShard.Key].Fetch(request, gathered.Statistics, gathered.Feedback, hits.Select(h => h.Hit).ToList(), rescored);
            for (var i = 0; i < hits.Count; i++)
                fetched[hits[i]] = read[i];
        }
        return fetched;
    }

    /// <summary>Runs <paramref name="search"/> over one reader of each shard, held until it returns.</summary>
    private T WithShards<T>(Func<IReadOnlyList<IShard>, T> search)
    {
        var opened = new List<IShard>(shards.Count);
        try
        {
            foreach (var shard in shards)
                opened.Add(shard.Open());
            return search(opened);
        }
        finally
        {
            foreach (var shard in opened)
                shard.Dispose();
        }
    }

    private static IReadOnlyList<T> AtLeastOne<T>(IReadOnlyList<T> shards) =>
        shards.Count > 0 ? shards : throw new ArgumentException("A sharded index has at least one shard.", nameof(shards));
}
