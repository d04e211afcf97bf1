using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Facets;
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
/// <param name="point">Where the reader is held for cursor walks.</param>
internal sealed class IndexShard(IndexSearcher searcher, SearchStages stages, IDisposable lease, ShardPoint point, SpeakerIdentities? speakers) : IShard
{
    public ShardPoint Point => point;

    private readonly IndexVocabulary vocabulary = new(searcher.IndexReader);

    // The last request parsed and its query: a search asks every phase with the same request (with corrections from
    // the query phase on), and parsing it again in each phase was a cost of the shard's alone.
    private (ShardRequest Request, ParsedQuery? Parsed)? lastParsed;

    /// <summary>
    /// The dfs phase: the shard's figures for the terms its query scores with, once rewritten here (a prefix's terms are
    /// this shard's), with a question's word pairs; and each word's paragraphs here.
    /// </summary>
    public ValueTask<ShardDfs> DfsAsync(ShardRequest request, IReadOnlyList<string> words)
    {
        var terms = new HashSet<Term>();
        if (Parse(request) is { } parsed)
        {
            foreach (var query in (parsed.Pairs ?? []).Select(p => p.ToQuery()).Prepend(parsed.Query))
                searcher.Rewrite(query).ExtractTerms(terms);
        }
        var figures = words.Select(word => new WordFigures(word, vocabulary.DocFreq(new Term(IndexSchema.Text, word)))).ToList();
        return ValueTask.FromResult(new ShardDfs(CorpusStatistics.Of(searcher, terms), figures));
    }

    /// <summary>
    /// The words' spelling neighbours here, a walk of the shard's text terms each (Lucene's FuzzyTermsEnum), and the
    /// figures of the terms a correction could add. The gatherer picks a correction from every shard's text neighbours,
    /// and it adds its term in the title too: a headline's word may be in no paragraph here, so the title's terms near
    /// the word are walked as well (any of them may be a correction another shard's paragraphs gave).
    /// </summary>
    public ValueTask<ShardNeighbours> NeighboursAsync(IReadOnlyList<NeighbourLookup> words)
    {
        var found = new List<WordNeighbours>(words.Count);
        var corrections = new List<Term>();
        // The text field first: its neighbours are those the gatherer corrects from.
        var fields = FreeTextQuery.CorrectionFields.Prepend(IndexSchema.Text).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (word, maxEdits) in words)
        {
            var near = vocabulary.Neighbours(word, fields, maxEdits);
            found.Add(new WordNeighbours(word, near[0]));
            corrections.AddRange(fields.Zip(near).SelectMany(field => field.Second.Select(n => new Term(field.First, n.Term))));
        }
        return ValueTask.FromResult(new ShardNeighbours(found, CorpusStatistics.Of(searcher, corrections)));
    }

    /// <summary>The shard's figures for more terms (the words of a question's feedback paragraphs).</summary>
    public ValueTask<CorpusStatistics> StatisticsAsync(IReadOnlyList<Term> terms) => ValueTask.FromResult(CorpusStatistics.Of(searcher, terms));

    /// <summary>
    /// The query phase: the best hits in the request's order, every facet count, the totals, the pinned articles held
    /// here; a question's first-stage best matches are left for the gatherer to re-score over every shard's, with the
    /// terms it searched here and what its word pairs add to them (<see cref="Proximity"/>).
    /// </summary>
    public ValueTask<ShardAnswer> QueryAsync(ShardRequest request, CorpusStatistics statistics)
    {
        var scoring = GlobalStatisticsSearcher.Over(searcher, statistics);
        var parsed = Parse(request);
        var filters = new SearchFilters(parsed?.Query, request.Search, speakers);
        var plan = RankingPlan.For(request.Search, parsed, request.SemanticDepth, request.After) with { RescoresElsewhere = true };
        var datesInPass = FacetCounting.DatesInHitsPass(request.Search);
        var collected = stages.PassFor(request.Search.Unit).Run(scoring, plan.Scored(filters.All), plan, filters.Unfiltered, datesInPass);
        using var tallies = FacetCounting.Tally(scoring, filters, request.Search, collected.FacetCounts, datesInPass);
        var best = collected.Best.Select(Keyed).ToList();
        // With paragraph hits, a question's candidates are its best hits: their keys are read once.
        var candidates = ReferenceEquals(collected.Candidates, collected.Best) ? best : collected.Candidates.Select(Keyed).ToList();
        var asked = plan.RescoresQuestion ? new IndexQuestionEvidence(searcher).AskedTerms(parsed!.Query).ToList() : [];
        var pinned = PinnedResults.Find(scoring, request.Search, plan.Scored(filters.All), new SearchFilters(null, request.Search, speakers).All).Select(Keyed).ToList();
        var proximity = plan.RescoresQuestion ? Proximity(scoring, parsed!, candidates) : null;
        // A first page of paragraph hits takes a question's hits from its candidates (HitGatherer): the same list sent
        // twice was half the bytes of the answer, written and read as JSON between processes.
        var hits = plan.RescoresQuestion && request.Search.Unit == ResultUnit.Paragraph && request.After is null ? [] : best;
        return ValueTask.FromResult(new ShardAnswer(
            collected.Total, collected.TotalArticles, hits, candidates, ShardFacets.Of(tallies), vocabulary.Paragraphs, asked, pinned, proximity));
    }

    /// <summary>
    /// A question's re-scoring, first step, taken with the query phase as it reads only the candidates and the question:
    /// its word pairs' scores added to those of every candidate here, as one index adds them, and the texts of those
    /// that may be feedback paragraphs. Which candidates the best of all shards take is known at the gatherer only, and
    /// they are the first of these in the gathered order (<see cref="GatheredOrder"/>); so a candidate's text is given
    /// when fewer than <see cref="QuestionFeedback.FeedbackParagraphs"/> before it in that order beat it by the scores
    /// added up (ties as <see cref="HitTieBreak"/> orders them): the best of any first of them are among those.
    /// </summary>
    private static ShardProximity Proximity(IndexSearcher scoring, ParsedQuery parsed, IReadOnlyList<ShardHit> candidates)
    {
        var evidence = new IndexQuestionEvidence(scoring);
        var scores = candidates.ToDictionary(c => c.Doc, c => c.Score!.Value);
        if (parsed.Pairs is { Count: > 0 } pairs)
            evidence.AddProximity(pairs, scores);
        var bestFirst = Comparer<ShardHit>.Create((x, y) =>
            scores[y.Doc].CompareTo(scores[x.Doc]) is var byScore and not 0
                ? byScore
                : HitTieBreak.CompareKeys(x.ArticleId, x.Paragraph, y.ArticleId, y.Paragraph));
        var firstStage = new GatheredOrder(byScore: true);
        var best = new PriorityQueue<ShardHit, ShardHit>(QuestionFeedback.FeedbackParagraphs + 1, Comparer<ShardHit>.Create((x, y) => bestFirst.Compare(y, x)));
        var leaders = new Dictionary<int, string>();
        foreach (var candidate in candidates.OrderBy(c => new GatheredHit(0, c), firstStage))
        {
            if (best.Count == QuestionFeedback.FeedbackParagraphs && bestFirst.Compare(candidate, best.Peek()) > 0)
                continue;
            leaders[candidate.Doc] = evidence.TextOf(candidate.Doc);
            best.Enqueue(candidate, candidate);
            if (best.Count > QuestionFeedback.FeedbackParagraphs)
                best.Dequeue();
        }
        return new ShardProximity(scores, leaders);
    }

    /// <summary>A question's feedback words' scores added to those of some of its paragraphs, as one index adds them.</summary>
    /// <param name="statistics">The whole index's figures, with the feedback words'.</param>
    public ValueTask<IReadOnlyDictionary<int, float>> FeedbackScoresAsync(
        CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyDictionary<int, float> scores)
    {
        var added = scores.ToDictionary();
        new IndexQuestionEvidence(GlobalStatisticsSearcher.Over(searcher, statistics)).AddScores(words, added);
        return ValueTask.FromResult<IReadOnlyDictionary<int, float>>(added);
    }

    /// <summary>What re-ranking by meaning reads of each of these paragraphs.</summary>
    public ValueTask<IReadOnlyList<string>> PassagesAsync(IReadOnlyList<int> docs) =>
        ValueTask.FromResult<IReadOnlyList<string>>(docs.Select(doc => SemanticHitReranker.Passage(searcher, doc)).ToList());

    /// <summary>The fetch phase: hits of the page asked for, read, highlighted and, when asked for, explained.</summary>
    /// <param name="statistics">The whole index's figures (with a question's feedback words'), to explain scores with.</param>
    /// <param name="feedback">A question's feedback words, which explain the scores of its re-scored paragraphs.</param>
    /// <param name="rescored">The paragraphs of these hits whose scores a question's re-scoring set.</param>
    public ValueTask<IReadOnlyList<SearchHit>> FetchAsync(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored)
    {
        var parsed = Parse(request);
        var plan = RankingPlan.For(request.Search, parsed, request.SemanticDepth);
        var searched = plan.Scored(new SearchFilters(parsed?.Query, request.Search, speakers).All);
        var bothStages = parsed is not null && rescored.Count > 0 ? plan.Scored(QuestionRescorer.Explained(parsed, feedback)) : null;
        var explains = request.Search.Explain && parsed is not null;
        return ValueTask.FromResult(stages.Fetcher.Read(
            GlobalStatisticsSearcher.Over(searcher, statistics),
            parsed,
            hits.Select(h => new RankedHit(h.Doc, h.Score, h.OtherMatches)).ToList(),
            hit => !explains ? null : rescored.Contains(hit.Doc) ? bothStages : searched));
    }

    /// <summary>An export page: the shard's matches from <paramref name="from"/> on, up to <paramref name="size"/>, scored with the whole index's figures.</summary>
    public ValueTask<ShardExportPage> ExportAsync(ShardRequest request, CorpusStatistics statistics, int from, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var parsed = Parse(request);
        var weight = GlobalStatisticsSearcher.Over(searcher, statistics).CreateNormalizedWeight(new SearchFilters(parsed?.Query, request.Search, speakers).All);
        var lines = new List<ExportedHit>(Math.Min(size, 1024));
        var next = -1;
        foreach (var (line, after) in MatchExport.From(searcher, weight, parsed is not null, request.Search.Unit == ResultUnit.Article, from))
        {
            lines.Add(line);
            if (lines.Count == size)
            {
                next = after;
                break;
            }
        }
        return ValueTask.FromResult(new ShardExportPage(lines, next, point.PointInTime));
    }

    /// <summary>Every value of one facet, counted as for <see cref="ParagraphSearcher.FacetValues"/>.</summary>
    public ValueTask<Dictionary<string, int>> FacetValuesAsync(ShardRequest request, string facet) =>
        ValueTask.FromResult(FacetCounting.AllValues(searcher, new SearchFilters(Parse(request)?.Query, request.Search, speakers), request.Search.Unit, facet));

    public ValueTask<ArticleView?> ArticleAsync(string articleId, SearchScope? scope) => ValueTask.FromResult(ArticleLookup.Read(searcher, articleId, scope));

    /// <summary>Related articles' query phase, scored with the whole index's figures.</summary>
    public ValueTask<IReadOnlyList<RelatedCandidate>> RelatedAsync(RelatedShardRequest request, CorpusStatistics statistics) =>
        ValueTask.FromResult<IReadOnlyList<RelatedCandidate>>(RelatedWords.Best(
            GlobalStatisticsSearcher.Over(searcher, statistics), request.Words.Select(w => w.ToTerm()).ToList(), request.ArticleId, request.Filters,
            speakers, request.Count));

    private ParsedQuery? Parse(ShardRequest request)
    {
        if (lastParsed is { } last && SameQuery(last.Request, request))
            return last.Parsed;
        var parsed = stages.Parser.Parse(request.Search, new AppliedCorrections(request.Corrections, stages.Analyzer));
        lastParsed = (request, parsed);
        return parsed;
    }

    /// <summary>
    /// Whether two requests parse alike: the same query in the same syntax (all <see cref="RequestParser"/> reads of
    /// the request; a shard on another node gets a copy of the request each phase) with the same corrections.
    /// </summary>
    private static bool SameQuery(ShardRequest a, ShardRequest b) =>
        ReferenceEquals(a, b)
        || (a.Search.Query == b.Search.Query && a.Search.Syntax == b.Search.Syntax && a.Corrections.SequenceEqual(b.Corrections));

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
