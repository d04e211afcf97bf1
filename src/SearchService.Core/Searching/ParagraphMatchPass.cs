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
        // A question's candidates are as deep as it is re-scored, in an order of their keys (not of document numbers),
        // so that the same ones are kept however the paragraphs are split between indexes.
        var top = TopFieldCollector.Create(plan.ByScore ? BestFirst : NewestFirst,
            plan.RescoresQuestion ? Math.Max(plan.Wanted, QuestionRescorer.Depth) : plan.Wanted,
            fillFields: false, trackDocScores: plan.Ranked, trackMaxScore: false, docsScoredInOrder: false);
        var counts = new FacetCountsCollector(searcher.IndexReader, facets);
        searcher.Search(query, MultiCollector.Wrap(top, counts, alsoCollect));
        IReadOnlyList<ScoreDoc> best = top.GetTopDocs().ScoreDocs;
        var rescoring = plan.RescoresQuestion && !plan.RescoresElsewhere
            ? rescorer.Rescore(searcher, best.Take(QuestionRescorer.Depth).ToList(), plan.Parsed!)
            : null;
        if (rescoring is not null)
        {
            foreach (var scoreDoc in best)
                scoreDoc.Score = rescoring.Scores.GetValueOrDefault(scoreDoc.Doc, scoreDoc.Score);
            best = TopSelection.Best(best, plan.Wanted, new RescoredOrder(searcher.IndexReader));
        }
        var hits = best.Select(s => new RankedHit(s.Doc, plan.Ranked ? s.Score : null, OtherMatches: null)).ToList();
        var candidates = plan.RescoresQuestion && plan.RescoresElsewhere ? hits : [];
        return new CollectedHits(top.TotalHits, null, hits, facets.ToDictionary(f => f, counts.TallyOf), rescoring, candidates);
    }
}
