using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// The pass over the matches with one hit per article, its best paragraph: <see cref="ArticleCollector"/> meets each
/// article's matches one after another and counts the facets in articles; the best articles are then put in
/// <see cref="ArticleOrder"/>, after a question's re-scored paragraphs have raised their articles.
/// </summary>
internal sealed class ArticleMatchPass(QuestionRescorer rescorer) : IMatchPass
{
    public CollectedHits Run(IndexSearcher searcher, Query query, RankingPlan plan, IReadOnlyList<string> facets, ICollector? alsoCollect)
    {
        using var collector = new ArticleCollector(searcher.IndexReader, facets);
        var candidates = plan.RescoresQuestion ? new QuestionCandidateCollector(searcher.IndexReader, QuestionRescorer.Depth) : null;
        searcher.Search(query, MultiCollector.Wrap(collector, candidates, alsoCollect)); // Wrap leaves out the nulls
        var best = candidates?.Best() ?? [];
        var rescoring = candidates is null || plan.RescoresElsewhere ? null : rescorer.Rescore(searcher, best, plan.Parsed!, plan.Recency);
        if (rescoring is not null)
            collector.Rescored(rescoring.Scores);
        // Re-scoring elsewhere may raise any article with a candidate, above these or (after a cursor) above the cursor:
        // those articles are given whole and the best of the others after them.
        var raisable = plan.RescoresElsewhere ? best.Select(c => collector.ArticleOf(c.Doc)).ToHashSet() : [];
        var bound = plan.After is { } after ? new CursorBound(after, plan.ByScore) : null;
        var unseen = collector.Articles.Where(a => !raisable.Contains(a) && (bound is null || bound.Follows(searcher.IndexReader, a)));
        var articles = TopSelection.Best(unseen, plan.Wanted, new ArticleOrder(searcher.IndexReader, plan.ByScore));
        if (plan.RescoresElsewhere)
            articles = articles.Concat(raisable).ToList();
        var hits = articles.Select(a => new RankedHit(a.BestDoc, plan.Ranked ? a.BestScore : null, a.Matches - 1)).ToList();
        var rescorable = plan.RescoresElsewhere ? best.Select(c => new RankedHit(c.Doc, c.Score, OtherMatches: null)).ToList() : [];
        return new CollectedHits(collector.Paragraphs, collector.Articles.Count, hits, facets.ToDictionary(f => f, collector.TallyOf), rescoring, rescorable);
    }
}
