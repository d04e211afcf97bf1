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
        var candidates = plan.RescoresQuestion ? TopScoreDocCollector.Create(QuestionRescorer.Depth, docsScoredInOrder: true) : null;
        searcher.Search(query, MultiCollector.Wrap(collector, candidates, alsoCollect)); // Wrap leaves out the nulls
        var rescoring = candidates is null ? null : rescorer.Rescore(searcher, candidates.GetTopDocs().ScoreDocs, plan.Parsed!);
        if (rescoring is not null)
            collector.Rescored(rescoring.Scores);
        var best = TopSelection.Best(collector.Articles, plan.Wanted, new ArticleOrder(searcher.IndexReader, plan.ByScore));
        var hits = best.Select(a => new RankedHit(a.BestDoc, plan.Ranked ? a.BestScore : null, a.Matches - 1)).ToList();
        return new CollectedHits(collector.Paragraphs, collector.Articles.Count, hits, facets.ToDictionary(f => f, collector.TallyOf), rescoring);
    }
}
