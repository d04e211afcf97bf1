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
        // A question's candidates are collected by score alone; their tie-breaks are read after re-scoring, for ties only.
        var top = plan.RescoresQuestion
            ? (ITopDocsCollector)TopScoreDocCollector.Create(Math.Max(plan.Wanted, QuestionRescorer.Depth), docsScoredInOrder: false)
            : TopFieldCollector.Create(plan.ByScore ? BestFirst : NewestFirst, plan.Wanted,
                fillFields: false, trackDocScores: plan.Ranked, trackMaxScore: false, docsScoredInOrder: false);
        var counts = new FacetCountsCollector(searcher.IndexReader, facets);
        searcher.Search(query, MultiCollector.Wrap(top, counts, alsoCollect));
        IReadOnlyList<ScoreDoc> best = top.GetTopDocs().ScoreDocs;
        var rescoring = plan.RescoresQuestion ? rescorer.Rescore(searcher, best.Take(QuestionRescorer.Depth).ToList(), plan.Parsed!) : null;
        if (rescoring is not null)
        {
            foreach (var scoreDoc in best)
                scoreDoc.Score = rescoring.Scores.GetValueOrDefault(scoreDoc.Doc, scoreDoc.Score);
            best = TopSelection.Best(best, plan.Wanted, new RescoredOrder(searcher.IndexReader));
        }
        var hits = best.Select(s => new RankedHit(s.Doc, plan.Ranked ? s.Score : null, OtherMatches: null)).ToList();
        return new CollectedHits(top.TotalHits, null, hits, facets.ToDictionary(f => f, counts.TallyOf), rescoring);
    }
}
