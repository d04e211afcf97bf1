using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// A question's candidates collected by score alone, ties with the last place kept aside (<see cref="QuestionCandidateCollector"/>),
/// are exactly the best by score, article id and paragraph, as a Lucene sort ending with <see cref="HitTieBreak"/> keeps
/// them, best first by score.
/// </summary>
public sealed class QuestionCandidateCollectorTests : IDisposable
{
    // Added one by one, so each article is a segment of its own, and in an order unlike that of the ids: weak matches
    // first, so that the last place rises while the collector meets them, then ties at every score.
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("m", "Yen", ["The yen was quoted in Tokyo and in London by the dealers before the talks began."]))
        .Add(new Article("k", "Yen", ["The yen was quoted in Tokyo and in London by the dealers before the talks began."]))
        .Add(new Article("e", "Yen", ["The yen fell.", "Yen, yen!"]))
        .Add(new Article("d", "Yen", ["The yen fell.", "The yen was quoted in Tokyo and in London by the dealers before the talks began."]))
        .Add(new Article("c", "Yen", ["The yen fell."]))
        .Add(new Article("b", "Yen", ["Yen, yen!"]))
        .Add(new Article("a", "Yen", ["The yen fell."]));

    private static readonly Query Yen = new TermQuery(new Term(IndexSchema.Text, "yen"));

    [Fact]
    public void The_places_tied_with_the_last_go_to_the_lowest_article_ids_not_to_the_first_documents()
    {
        var best = index.Index.Search(searcher => Keys(searcher, Collected(searcher, 4)));

        // The two paragraphs with the yen twice in two words, then two of the four "The yen fell." by their ids.
        Assert.Equal(["a#1", "b#1", "c#1", "e#2"], best.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void At_every_depth_the_candidates_are_those_of_the_sort_by_score_article_id_and_paragraph_best_first()
    {
        index.Index.Search(searcher =>
        {
            for (var depth = 1; depth <= searcher.IndexReader.MaxDoc + 1; depth++)
            {
                var sorted = TopFieldCollector.Create(HitTieBreak.After(SortField.FIELD_SCORE), depth,
                    fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
                searcher.Search(Yen, sorted);
                var expected = sorted.GetTopDocs().ScoreDocs;

                var collected = Collected(searcher, depth);

                Assert.Equal(expected.Select(s => (s.Doc, s.Score)).Order(), collected.Select(s => (s.Doc, s.Score)).Order());
                Assert.Equal(expected.Select(s => s.Score), collected.Select(s => s.Score));
            }
            return 0;
        });
    }

    [Fact]
    public void Every_match_is_counted()
    {
        var total = index.Index.Search(searcher =>
        {
            var collector = new QuestionCandidateCollector(searcher.IndexReader, 2);
            searcher.Search(Yen, collector);
            return collector.TotalHits;
        });

        Assert.Equal(9, total);
    }

    private static IReadOnlyList<ScoreDoc> Collected(IndexSearcher searcher, int depth)
    {
        var collector = new QuestionCandidateCollector(searcher.IndexReader, depth);
        searcher.Search(Yen, collector);
        return collector.Best();
    }

    private static List<string> Keys(IndexSearcher searcher, IReadOnlyList<ScoreDoc> hits) =>
        hits.Select(h => StoredHitVisitor.Read(searcher, h.Doc)).Select(s => $"{s.ArticleId}#{s.Paragraph}").ToList();

    public void Dispose() => index.Dispose();
}
