using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// One shard's part in a sharded search, over the one reader it searches throughout, so that the document numbers it
/// gives stay valid from phase to phase (as an Elasticsearch search context). Its phases take and give plain data, as
/// a shard on another node would: <see cref="ShardRequest"/>, <see cref="CorpusStatistics"/>, <see cref="ShardAnswer"/>,
/// document numbers, feedback words. Whatever scores here scores with the figures of the whole index it is given.
/// </summary>
/// <param name="lease">Holds the reader; disposing the shard releases it.</param>
internal sealed class IndexShard(IndexSearcher searcher, SearchStages stages, IDisposable lease) : IShard
{
    private readonly IndexVocabulary vocabulary = new(searcher.IndexReader);

    public int Paragraphs => vocabulary.Paragraphs;

    public int DocFreq(Term term) => vocabulary.DocFreq(term);

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) => vocabulary.Neighbours(term, maxEdits);

    /// <summary>
    /// The dfs phase: the shard's figures for the terms its query scores with, once rewritten here (a prefix's terms are
    /// this shard's), with a question's word pairs.
    /// </summary>
    public CorpusStatistics Statistics(ShardRequest request)
    {
        var terms = new HashSet<Term>();
        if (Parse(request) is { } parsed)
        {
            foreach (var query in (parsed.Pairs ?? []).Select(p => p.ToQuery()).Prepend(parsed.Query))
                searcher.Rewrite(query).ExtractTerms(terms);
        }
        return CorpusStatistics.Of(searcher, terms);
    }

    /// <summary>The shard's figures for more terms (a question's feedback words).</summary>
    public CorpusStatistics Statistics(IEnumerable<Term> terms) => CorpusStatistics.Of(searcher, terms);

    /// <summary>The terms a question searched here, in any field.</summary>
    public IReadOnlySet<string> QuestionTerms(ShardRequest request) =>
        new IndexQuestionEvidence(searcher).AskedTerms(Parse(request)!.Query);

    /// <summary>
    /// The query phase: the best hits in the request's order, every facet count, the totals; a question's first-stage
    /// best matches are left for the gatherer to re-score over every shard's.
    /// </summary>
    public ShardAnswer Query(ShardRequest request, CorpusStatistics statistics)
    {
        var scoring = GlobalStatisticsSearcher.Over(searcher, statistics);
        var parsed = Parse(request);
        var filters = new SearchFilters(parsed?.Query, request.Search);
        var plan = RankingPlan.For(request.Search, parsed, request.SemanticDepth) with { RescoresElsewhere = true };
        var datesInPass = FacetCounting.DatesInHitsPass(request.Search);
        var collected = stages.PassFor(request.Search.Unit).Run(scoring, filters.All, plan, filters.Unfiltered, datesInPass);
        using var tallies = FacetCounting.Tally(scoring, filters, request.Search, collected.FacetCounts, datesInPass);
        var best = collected.Best.Select(Keyed).ToList();
        // With paragraph hits, a question's candidates are its best hits: their keys are read once.
        var candidates = ReferenceEquals(collected.Candidates, collected.Best) ? best : collected.Candidates.Select(Keyed).ToList();
        return new ShardAnswer(collected.Total, collected.TotalArticles, best, candidates, ShardFacets.Of(tallies));
    }

    /// <summary>What a question's word pairs add to the scores of some of its paragraphs.</summary>
    public IReadOnlyDictionary<int, float> ProximityScores(ShardRequest request, CorpusStatistics statistics, IReadOnlyList<int> docs)
    {
        var scores = docs.ToDictionary(d => d, _ => 0f);
        new IndexQuestionEvidence(GlobalStatisticsSearcher.Over(searcher, statistics)).AddProximity(Parse(request)!.Pairs ?? [], scores);
        return scores;
    }

    /// <summary>What a question's feedback words add to the scores of some of its paragraphs.</summary>
    /// <param name="statistics">The whole index's figures, with the feedback words'.</param>
    public IReadOnlyDictionary<int, float> FeedbackScores(CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyList<int> docs)
    {
        var scores = docs.ToDictionary(d => d, _ => 0f);
        new IndexQuestionEvidence(GlobalStatisticsSearcher.Over(searcher, statistics)).AddScores(words, scores);
        return scores;
    }

    /// <summary>A paragraph's text.</summary>
    public string Text(int doc) => new IndexQuestionEvidence(searcher).TextOf(doc);

    /// <summary>What re-ranking by meaning reads of a paragraph.</summary>
    public string Passage(int doc) => SemanticHitReranker.Passage(searcher, doc);

    /// <summary>The fetch phase: hits of the page asked for, read, highlighted and, when asked for, explained.</summary>
    /// <param name="statistics">The whole index's figures (with a question's feedback words'), to explain scores with.</param>
    /// <param name="feedback">A question's feedback words, which explain the scores of its re-scored paragraphs.</param>
    /// <param name="rescored">The paragraphs of these hits whose scores a question's re-scoring set.</param>
    public IReadOnlyList<SearchHit> Fetch(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored)
    {
        var parsed = Parse(request);
        var searched = new SearchFilters(parsed?.Query, request.Search).All;
        var bothStages = parsed is not null && rescored.Count > 0 ? QuestionRescorer.Explained(parsed, feedback) : null;
        var explains = request.Search.Explain && parsed is not null;
        return stages.Fetcher.Read(
            GlobalStatisticsSearcher.Over(searcher, statistics),
            parsed,
            hits.Select(h => new RankedHit(h.Doc, h.Score, h.OtherMatches)).ToList(),
            hit => !explains ? null : rescored.Contains(hit.Doc) ? bothStages : searched);
    }

    /// <summary>Every value of one facet, counted as for <see cref="ParagraphSearcher.FacetValues"/>.</summary>
    public Dictionary<string, int> FacetValues(ShardRequest request, string facet) =>
        FacetCounting.AllValues(searcher, new SearchFilters(Parse(request)?.Query, request.Search), request.Search.Unit, facet);

    private ParsedQuery? Parse(ShardRequest request) =>
        stages.Parser.Parse(request.Search, new AppliedCorrections(request.Corrections, stages.Analyzer));

    /// <summary>A hit with the keys that order it among every shard's, read from doc values.</summary>
    private ShardHit Keyed(RankedHit hit)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
        var (segment, doc) = (leaf.AtomicReader, hit.Doc - leaf.DocBase);
        var id = new BytesRef();
        if (segment.GetSortedDocValues(IndexSchema.ArticleId) is { } ids && ids.GetOrd(doc) is var ord and >= 0)
            ids.LookupOrd(ord, id);
        var paragraph = segment.GetNumericDocValues(IndexSchema.Paragraph)?.Get(doc) ?? 0;
        var date = segment.GetNumericDocValues(IndexSchema.Date)?.Get(doc) ?? 0;
        return new ShardHit(hit.Doc, hit.Score, date, id.Utf8ToString(), (int)paragraph, hit.OtherMatches);
    }

    public void Dispose() => lease.Dispose();
}
