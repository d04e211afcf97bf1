using System.Diagnostics;
using Lucene.Net.Analysis;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Core.Sharding;

/// <summary>
/// Answers searches over an index split into shards by article (<see cref="ShardRouter"/>) as one index of the same
/// articles answers them: the same hits in the same order, the same totals and facet counts. Each phase is asked of
/// every shard at once and gathered before the next. The query is parsed, its typos corrected from every shard's
/// words; then each shard gives its figures for the query's terms, which are
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
        gatherer = new HitGatherer(stages.Rescorer, analyzer);
        shards = shardsFor(stages);
    }

    /// <summary>Whether requests may ask for <see cref="SearchRequest.SemanticRerank"/>.</summary>
    public bool CanRerankSemantically => stages.SemanticReranking.Depth > 0;

    /// <summary>
    /// How many times a search is tried when a shard does not answer (<see cref="ShardUnavailableException"/>): a shard
    /// kept in several copies gives another copy to the next try, so that losing a node loses no search.
    /// </summary>
    public const int Tries = 3;

    /// <inheritdoc cref="ParagraphSearcher.Search"/>
    /// <exception cref="ShardUnavailableException">A shard did not answer in any of <see cref="Tries"/> tries.</exception>
    public async Task<SearchResult> SearchAsync(SearchRequest request)
    {
        if (request.SemanticRerank && !CanRerankSemantically)
            throw new InvalidOperationException("This searcher was made without a semantic re-ranker.");
        var clock = Stopwatch.StartNew();
        return (await TriedAsync(() => SearchOnceAsync(request, clock, after: null, at: null))).Result;
    }

    /// <summary>
    /// A page of a cursor walk (<see cref="ShardedCursorPaging"/>): the hits after <paramref name="after"/>'s last one,
    /// each shard read at the point in time the walk read it while its copy holds it (a walk by relevance is refused
    /// otherwise, as every score would move), else at the current reader of any copy (newest first goes on by its sort
    /// values). The first page (no cursor) reads every shard's current reader, and its answer says where.
    /// </summary>
    /// <exception cref="CursorException">A walk by relevance whose point in time on some shard is gone (its copy was
    /// deactivated or died, or kept it no longer).</exception>
    /// <exception cref="ShardUnavailableException">A shard did not answer in any of <see cref="Tries"/> tries.</exception>
    public async Task<ShardedPage> PageAsync(SearchRequest request, SearchCursor? after)
    {
        if (request.SemanticRerank && !CanRerankSemantically)
            throw new InvalidOperationException("This searcher was made without a semantic re-ranker.");
        var clock = Stopwatch.StartNew();
        var at = Enumerable.Range(0, shards.Count).Select(i => after?.Shards?.ElementAtOrDefault(i)).ToArray();
        var byScore = after?.Score is not null;
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await SearchOnceAsync(request, clock, after, after is null ? null : at);
            }
            catch (ShardUnavailableException e) when (byScore && at.ElementAtOrDefault(e.Shard) is not null)
            {
                // By relevance, only the copy holding the walk's point can go on: asked again (a copy slow to answer
                // under load still holds it), the walk is refused once it has failed every try.
                if (tried >= Tries)
                    throw CursorPaging.Expired(PointsInTime.DefaultKeepAlive);
            }
            catch (ShardUnavailableException e) when (tried < Tries)
            {
                // Newest first, another copy's current reader takes up the walk where the sort values say.
                if (e.Shard < at.Length)
                    at[e.Shard] = null;
            }
        }
    }

    /// <summary>
    /// An export's first phase (<see cref="ShardedMatchExport"/>), taken once for all its pages: the query's typos
    /// corrected from every shard's words, as one index's export corrects them; the whole index's figures for it; and
    /// the point in time each shard is read at for the whole export (its current reader now, which its copy then holds
    /// as it holds a cursor walk's). A shard that fails is asked again, as for a search.
    /// </summary>
    internal Task<ShardedExport> BeginExportAsync(SearchRequest request) => TriedAsync(async () =>
    {
        var parts = await OpenAsync(shards);
        try
        {
            var (_, shardRequest, statistics) = await DfsAsync(request, parts, after: null);
            return new ShardedExport(shardRequest, statistics, parts.Select(p => p.Point).ToList());
        }
        finally
        {
            Close(parts);
        }
    });

    /// <summary>
    /// A page of an export: up to <paramref name="size"/> lines from <paramref name="from"/> on, shard after shard (each
    /// shard's matches in its index order), each shard asked in turn for the lines the page still lacks, from where the
    /// last page stopped, at the export's point in time on it; and where the next page begins (the shard count and 0
    /// when every shard is done).
    /// </summary>
    /// <exception cref="ShardUnavailableException">A shard failed in each of <see cref="Tries"/> tries, or its copy
    /// no longer holds the export's point in time (it died or was deactivated, or kept it no longer than
    /// <see cref="PointsInTime.DefaultKeepAlive"/> after the last page): no other reader can go on from the page's document.</exception>
    internal async Task<(IReadOnlyList<ExportedHit> Lines, (int Shard, int Doc) Next)> ExportPageAsync(ShardedExport export, (int Shard, int Doc) from, int size)
    {
        var lines = new List<ExportedHit>(size);
        var (shard, doc) = from;
        while (lines.Count < size && shard < shards.Count)
        {
            var page = await ExportShardPageAsync(export, shard, doc, size - lines.Count);
            lines.AddRange(page.Lines);
            (shard, doc) = page.Next < 0 ? (shard + 1, 0) : (shard, page.Next);
        }
        return (lines, (shard, doc));
    }

    /// <summary>
    /// Renews every copy's hold on the export's point in time on the shards after <paramref name="shard"/>, which no page
    /// reads until the shards before them are done: a copy lets a point go <see cref="PointsInTime.DefaultKeepAlive"/>
    /// after its last use, and reading one shard may take longer. Each is asked for a page from past its every document,
    /// which reads nothing; a copy that no longer holds the point fails the export now rather than when it is reached.
    /// </summary>
    internal Task KeepExportAsync(ShardedExport export, int shard) =>
        Task.WhenAll(Enumerable.Range(shard + 1, Math.Max(0, shards.Count - shard - 1)).Select(later => ExportShardPageAsync(export, later, int.MaxValue, 1)));

    private async Task<ShardExportPage> ExportShardPageAsync(ShardedExport export, int shard, int from, int size)
    {
        var held = export.Points[shard];
        for (var tried = 1; ; tried++)
        {
            ShardExportPage page;
            ShardPoint read;
            var part = await shards[shard].OpenAsync(held);
            try
            {
                page = await part.ExportAsync(export.Request, export.Statistics, from, size);
                read = part.Point;
            }
            catch (ShardUnavailableException) when (tried < Tries)
            {
                // A copy slow under load still holds the point: it is asked again, as a walk by relevance asks it.
                continue;
            }
            finally
            {
                part.Dispose();
            }
            // Document numbers mean something in the export's reader only: no other reader can go on from the page's.
            return read == held
                ? page
                : throw new ShardUnavailableException(
                    shard, $"its copy no longer holds the export's point in time (it stopped, or kept it no longer than {PointsInTime.DefaultKeepAlive.TotalMinutes:0} minutes after a page)",
                    new InvalidOperationException($"Copy {held.Copy} read point in time {read.PointInTime}, not the export's {held.PointInTime}."));
        }
    }

    /// <inheritdoc cref="ParagraphSearcher.FacetValues"/>
    /// <exception cref="ShardUnavailableException">A shard did not answer in any of <see cref="Tries"/> tries.</exception>
    public Task<IReadOnlyList<FacetValue>> FacetValuesAsync(SearchRequest request, string facet, string prefix, int size) =>
        TriedAsync(() => FacetValuesOnceAsync(request, facet, prefix, size));

    internal static async Task<T> TriedAsync<T>(Func<Task<T>> once)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await once();
            }
            catch (ShardUnavailableException) when (tried < Tries)
            {
                // The shard's source passes over the copy that failed: the next try asks another.
            }
        }
    }

    /// <param name="after">A cursor walk's place; null: the page the request asks for.</param>
    /// <param name="at">Where a walk read each shard (an entry is null where it may read any copy's current reader); null: every current reader.</param>
    private async Task<ShardedPage> SearchOnceAsync(SearchRequest request, Stopwatch clock, SearchCursor? after, IReadOnlyList<ShardPoint?>? at)
    {
        var parts = await OpenAsync(shards, at);
        try
        {
            var (parsed, shardRequest, statistics) = await DfsAsync(request, parts, after);
            // Only after the first phase do the shards say which reader they read.
            if (after?.Score is not null && parts.Where((part, i) => at?[i] != part.Point).Any())
                throw CursorPaging.Expired(PointsInTime.DefaultKeepAlive);
            var plan = RankingPlan.For(request, parsed, stages.SemanticReranking.Depth, after);
            var answers = await Scatter.AllAsync(parts.Select(p => p.QueryAsync(shardRequest, statistics)));
            var gathered = await gatherer.GatherAsync(parts, shardRequest, plan, statistics, answers);
            var passages = plan.SemanticDepth > 0 ? await PassagesAsync(parts, gathered.Best.Take(stages.SemanticReranking.Depth)) : [];
            var reranked = stages.SemanticReranking.Rerank(request.Query, plan, gathered.Best, hit => passages[hit.Key]);
            var pinned = Pinned(request, answers);
            var ordered = pinned.Count == 0 ? reranked : PinnedResults.Merge(
                reranked, pinned, h => h.Key, h => h.Hit.ArticleId, request.Unit == ResultUnit.Article, shown: after is null, pin: h => h);
            var pinnedKeys = pinned.Select(h => h.Key).ToHashSet();
            var page = HitFetcher.PageOf(ordered.Order, request).ToList();
            var fetched = await FetchAsync(parts, shardRequest, gathered, page);
            var hits = page.Select(hit => HitFetcher.WithPlace(fetched[hit], ordered.Places.GetValueOrDefault(hit)) is var read && pinnedKeys.Contains(hit.Key)
                ? read with { Pinned = true }
                : read).ToList();
            var total = answers.Sum(a => a.Total);
            long? totalArticles = request.Unit == ResultUnit.Article ? answers.Sum(a => a.TotalArticles ?? 0) : null;
            var facets = GatheredFacets.Merge(request, answers.Select(a => a.Facets).ToList());
            var result = stages.Assembler.Assemble(request, parsed, total, totalArticles, hits, facets, clock.Elapsed);
            return new ShardedPage(result, parts.Select(p => p.Point).ToList());
        }
        finally
        {
            Close(parts);
        }
    }

    private async Task<IReadOnlyList<FacetValue>> FacetValuesOnceAsync(SearchRequest request, string facet, string prefix, int size)
    {
        var parts = await OpenAsync(shards);
        try
        {
            var (_, shardRequest, _) = await DfsAsync(request, parts, after: null);
            var counts = await Scatter.AllAsync(parts.Select(p => p.FacetValuesAsync(shardRequest, facet)));
            return FacetCounting.Listed(GatheredFacets.Sum(counts), prefix, size);
        }
        finally
        {
            Close(parts);
        }
    }

    /// <summary>
    /// The request's query, its typos corrected from the words of every shard, and the whole index's figures for it.
    /// The query is parsed once to learn which words it would correct, and every shard gives their paragraphs with the
    /// figures of the query as typed: unless a word is rare over all shards, one call to each shard does. Every shard
    /// is then asked for the neighbours of just those words, with the figures of the terms a correction to each adds:
    /// a second call, and the last of the phase.
    /// </summary>
    private async ValueTask<(ParsedQuery? Parsed, ShardRequest Request, CorpusStatistics Statistics)> DfsAsync(
        SearchRequest request, IReadOnlyList<IShard> parts, SearchCursor? after)
    {
        var recorder = new WordRecorder();
        var typed = stages.Parser.Parse(request, recorder);
        var asTyped = new ShardRequest(request, [], stages.SemanticReranking.Depth, after);
        var words = recorder.Lookups.Select(l => l.Term).Distinct(StringComparer.Ordinal).ToList();
        var dfs = await Scatter.AllAsync(parts.Select(p => p.DfsAsync(asTyped, words)));
        var statistics = CorpusStatistics.Sum(dfs.Select(d => d.Statistics));
        var summed = GatheredVocabulary.OfWords(dfs.Select(d => d.Words).ToList());
        if (RareOverAll(recorder.Lookups, summed) is not { Count: > 0 } rare)
            return (typed, asTyped, statistics);
        var neighbours = await Scatter.AllAsync(parts.Select(p => p.NeighboursAsync(rare)));
        var parsed = stages.Parser.Parse(request, new SpellingCorrector(summed.WithNeighbours(neighbours.Select(n => n.Words).ToList())));
        if (parsed is not { Corrections.Count: > 0 } corrected)
            return (parsed, asTyped, statistics);
        var correctedTerms = corrected.Corrections.Select(c => c.CorrectedTerm).ToHashSet(StringComparer.Ordinal);
        var figures = CorpusStatistics.Sum(neighbours.Select(n => n.Figures));
        return (parsed, asTyped with { Corrections = corrected.Corrections },
            statistics.With(figures with { Terms = [.. figures.Terms.Where(t => correctedTerms.Contains(t.Text))] }));
    }

    /// <summary>
    /// The words whose neighbours the spelling corrector would look for, and how far, with their paragraphs summed over
    /// every shard: a word of one article is rare on the other shards but not over all, and no shard walks its terms.
    /// </summary>
    private static IReadOnlyList<NeighbourLookup> RareOverAll(IReadOnlyList<SpellingLookup> lookups, GatheredVocabulary summed)
    {
        var rare = new NeighbourRecorder(summed);
        foreach (var (term, rareBelow) in lookups)
            new SpellingCorrector(rare).Correct(term, rareBelow);
        return rare.Lookups;
    }

    /// <summary>The pinned articles the shards hold, in the order the request pins them (an article lives in one shard).</summary>
    private static List<GatheredHit> Pinned(SearchRequest request, IReadOnlyList<ShardAnswer> answers)
    {
        if (request.Pinned is not { Count: > 0 } ids)
            return [];
        var found = new Dictionary<string, GatheredHit>(StringComparer.Ordinal);
        foreach (var hit in answers.SelectMany((answer, shard) => answer.Pinned.Select(hit => new GatheredHit(shard, hit))))
            found.TryAdd(hit.Hit.ArticleId, hit);
        return [.. ids.Distinct().Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>What re-ranking by meaning reads of these hits, each shard reading its own at once.</summary>
    private static async ValueTask<Dictionary<ShardDoc, string>> PassagesAsync(IReadOnlyList<IShard> parts, IEnumerable<GatheredHit> hits)
    {
        var onShards = hits.GroupBy(h => h.Shard).Select(g => g.Select(h => h.Key).ToList()).ToList();
        var read = await Scatter.AllAsync(onShards.Select(keys => parts[keys[0].Shard].PassagesAsync(keys.ConvertAll(k => k.Doc))));
        return onShards.Zip(read).SelectMany(pair => pair.First.Zip(pair.Second)).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>Each shard reads its hits of the page, every shard at once.</summary>
    private static async ValueTask<Dictionary<GatheredHit, SearchHit>> FetchAsync(
        IReadOnlyList<IShard> parts, ShardRequest request, GatheredHits gathered, IReadOnlyList<GatheredHit> page)
    {
        var onShards = page.GroupBy(h => h.Shard).Select(g => g.ToList()).ToList();
        var read = await Scatter.AllAsync(onShards.Select(hits =>
        {
            var shard = hits[0].Shard;
            var rescored = gathered.Rescored.Where(d => d.Shard == shard).Select(d => d.Doc).ToHashSet();
            return parts[shard].FetchAsync(request, gathered.Statistics, gathered.Feedback, hits.ConvertAll(h => h.Hit), rescored);
        }));
        return onShards.Zip(read).SelectMany(pair => pair.First.Zip(pair.Second)).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>Opens a search on every shard at once; what opened is closed again when another fails.</summary>
    internal static async ValueTask<IReadOnlyList<IShard>> OpenAsync(IReadOnlyList<IShardSource> shards, IReadOnlyList<ShardPoint?>? at = null)
    {
        var opening = shards.Select((s, i) => s.OpenAsync(at?[i]).AsTask()).ToList();
        try
        {
            return await Task.WhenAll(opening);
        }
        catch
        {
            Close(opening.Where(o => o.IsCompletedSuccessfully).Select(o => o.Result));
            throw;
        }
    }

    internal static void Close(IEnumerable<IShard> parts)
    {
        foreach (var part in parts)
            part.Dispose();
    }

    private static IReadOnlyList<T> AtLeastOne<T>(IReadOnlyList<T> shards) =>
        shards.Count > 0 ? shards : throw new ArgumentException("A sharded index has at least one shard.", nameof(shards));
}
