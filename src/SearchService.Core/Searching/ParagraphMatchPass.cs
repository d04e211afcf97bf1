using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The pass over the matches with a hit per paragraph: Lucene's top collectors keep the best paragraphs in the
/// request's order while the facets are counted in paragraphs.
/// </summary>
internal sealed class ParagraphMatchPass(QuestionRescorer rescorer) : IMatchPass
{
    private static readonly Sort BestFirst = HitTieBreak.After(SortField.FIELD_SCORE);
    private static readonly Sort NewestFirst = HitTieBreak.After(new SortField(IndexSchema.Date, SortFieldType.INT64, reverse: true));

    public CollectedHits Run(IndexSearcher searcher, Query query, RankingPlan plan, IReadOnlyList<string> facets, ICollector? alsoCollect)
    {
        var counts = new FacetCountsCollector(searcher.IndexReader, facets);
        if (plan.After is { } after)
            return PageAfter(searcher, query, plan, after, counts, alsoCollect, facets);
        // A question's terms are looked up once for both its stages.
        var states = plan.RescoresQuestion ? new TermStates(searcher.TopReaderContext) : null;
        var (best, total) = states is not null
            ? Candidates(searcher, query, Math.Max(plan.Wanted, QuestionRescorer.Depth), MultiCollector.Wrap(counts, alsoCollect), states)
            : Top(searcher, query, plan, MultiCollector.Wrap(counts, alsoCollect));
        var rescoring = states is not null && !plan.RescoresElsewhere
            ? rescorer.Rescore(searcher, Rescorable(searcher, best), plan.Parsed!, plan.Recency, states)
            : null;
        if (rescoring is not null)
        {
            foreach (var scoreDoc in best)
                scoreDoc.Score = rescoring.Scores.GetValueOrDefault(scoreDoc.Doc, scoreDoc.Score);
            best = TopSelection.Best(best, plan.Wanted, new RescoredOrder(searcher.IndexReader));
        }
        var hits = best.Select(s => new RankedHit(s.Doc, plan.Ranked ? s.Score : null, OtherMatches: null)).ToList();
        var candidates = plan.RescoresQuestion && plan.RescoresElsewhere ? hits : [];
        return new CollectedHits(total, null, hits, facets.ToDictionary(f => f, counts.TallyOf), rescoring, candidates);
    }

    /// <summary>
    /// The page after a cursor: a question is re-scored as for its first page (the same candidates, the same new scores),
    /// then the hits after the cursor are collected in the order those scores give. When the candidates are re-scored
    /// elsewhere, they are given whole, as on a first page, and the page is of the other matches after the cursor.
    /// </summary>
    private CollectedHits PageAfter(
        IndexSearcher searcher, Query query, RankingPlan plan, SearchCursor after, FacetCountsCollector counts, ICollector? alsoCollect, IReadOnlyList<string> facets)
    {
        QuestionRescorer.Rescoring? rescoring = null;
        IReadOnlyList<ScoreDoc> candidates = [];
        if (plan.RescoresQuestion)
        {
            var states = new TermStates(searcher.TopReaderContext);
            (candidates, _) = Candidates(searcher, query, QuestionRescorer.Depth, MultiCollector.Wrap(counts, alsoCollect), states);
            if (!plan.RescoresElsewhere)
                rescoring = rescorer.Rescore(searcher, Rescorable(searcher, candidates), plan.Parsed!, plan.Recency, states);
        }
        var passedOver = plan.RescoresElsewhere ? candidates.Select(c => c.Doc).ToHashSet() : null;
        var page = new AfterCursorCollector(searcher.IndexReader, new CursorBound(after, plan.ByScore), plan.ByScore, plan.Wanted, rescoring?.Scores, passedOver);
        searcher.Search(query, plan.RescoresQuestion ? page : MultiCollector.Wrap(page, counts, alsoCollect));
        var hits = page.Best().Select(s => new RankedHit(s.Doc, plan.Ranked ? s.Score : null, OtherMatches: null)).ToList();
        var rescorable = plan.RescoresElsewhere ? candidates.Select(s => new RankedHit(s.Doc, s.Score, OtherMatches: null)).ToList() : [];
        return new CollectedHits(page.TotalHits, null, hits, facets.ToDictionary(f => f, counts.TallyOf), rescoring, rescorable);
    }

    private static (IReadOnlyList<ScoreDoc> Best, long Total) Top(IndexSearcher searcher, Query query, RankingPlan plan, ICollector alsoCollect)
    {
        var top = TopFieldCollector.Create(plan.ByScore ? BestFirst : NewestFirst, plan.Wanted,
            fillFields: false, trackDocScores: plan.Ranked, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, MultiCollector.Wrap(top, alsoCollect));
        return (top.GetTopDocs().ScoreDocs, top.TotalHits);
    }

    /// <summary>The first <see cref="QuestionRescorer.Depth"/> of a question's candidates, exactly (their order decides where they are more).</summary>
    private static IReadOnlyList<ScoreDoc> Rescorable(IndexSearcher searcher, IReadOnlyList<ScoreDoc> candidates) =>
        candidates.Count > QuestionRescorer.Depth ? TopSelection.Best(candidates, QuestionRescorer.Depth, new RescoredOrder(searcher.IndexReader)) : candidates;

    /// <summary>
    /// A question's candidates are as deep as it is re-scored, those tied with the last place kept by their keys (not by
    /// document numbers), so that the same ones are kept however the paragraphs are split between indexes.
    /// </summary>
    private static (IReadOnlyList<ScoreDoc> Best, long Total) Candidates(IndexSearcher searcher, Query query, int depth, ICollector alsoCollect, TermStates states)
    {
        var candidates = new QuestionCandidateCollector(searcher.IndexReader, depth);
        if (!QuestionFirstStage.TryCollect(searcher, query, candidates, alsoCollect, states))
            searcher.Search(query, MultiCollector.Wrap(candidates, alsoCollect));
        return (candidates.Best(), candidates.TotalHits);
    }
}
