using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.Searching.Cursors;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// A question's first stage, which scores only the matches that could reach the last place kept
/// (<see cref="QuestionFirstStage"/>), keeps the very candidates, scores, total and facet counts that Lucene's search
/// scoring every match gives, over questions made as the benchmark makes them from the first Reuters articles.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class QuestionFirstStageTests(ReutersCursorIndex reuters) : IClassFixture<ReutersCursorIndex>
{
    [ReutersFact]
    public void Questions_keep_the_candidates_scores_total_and_facet_counts_of_scoring_every_match()
    {
        var compared = 0;
        reuters.Index.Search(searcher =>
        {
            foreach (var question in ReutersQuestions.Make(40))
            {
                var (query, _) = reuters.Searcher.Matching(searcher, new SearchRequest(question));
                foreach (var depth in new[] { 1, 10, 100, QuestionRescorer.Depth })
                {
                    var (lucene, luceneCounts) = (new QuestionCandidateCollector(searcher.IndexReader, depth), Counts(searcher));
                    searcher.Search(query, MultiCollector.Wrap(lucene, luceneCounts));
                    var (bounded, boundedCounts) = (new QuestionCandidateCollector(searcher.IndexReader, depth), Counts(searcher));

                    Assert.True(QuestionFirstStage.TryCollect(searcher, query, bounded, boundedCounts), question);

                    Assert.Equal(lucene.TotalHits, bounded.TotalHits);
                    Assert.Equal(Sorted(lucene.Best()), Sorted(bounded.Best()));
                    Assert.Equal(lucene.Best().Select(s => s.Score), bounded.Best().Select(s => s.Score));
                    foreach (var field in IndexSchema.FacetFields)
                        Assert.Equal(luceneCounts.TallyOf(field).Top(int.MaxValue), boundedCounts.TallyOf(field).Top(int.MaxValue));
                    compared++;
                }
            }
            return 0;
        });
        Assert.Equal(160, compared);
    }

    [ReutersFact]
    public void A_search_that_is_not_a_disjunction_of_words_is_left_to_lucene()
    {
        reuters.Index.Search(searcher =>
        {
            var (query, _) = reuters.Searcher.Matching(searcher, new SearchRequest("\"the yen\" dollar"));
            var collector = new QuestionCandidateCollector(searcher.IndexReader, 10);

            Assert.False(QuestionFirstStage.TryCollect(searcher, query, collector, Counts(searcher)));
            Assert.Equal(0, collector.TotalHits);
            return 0;
        });
    }

    private static FacetCountsCollector Counts(IndexSearcher searcher) => new(searcher.IndexReader, IndexSchema.FacetFields);

    private static List<(int Doc, float Score)> Sorted(IEnumerable<ScoreDoc> hits) => hits.Select(s => (s.Doc, s.Score)).Order().ToList();
}
