using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// Pair proximity is scored from positions read once per term; every score must equal what Lucene's own sloppy phrase
/// queries give the same paragraphs, whatever the words' order, repetitions and distances.
/// </summary>
public sealed class PairProximityTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("adjacent", "Yen falls", ["The yen fell against the dollar as ministers met."]))
        .Add(new Article("reversed", "Dollar and yen", ["Against the dollar the yen held, and dollar yen trading was thin."]))
        .Add(new Article("repeated", "Ministers", [
            "Ministers said the yen, the yen and again the yen worried ministers, ministers said, more than the dollar did."]))
        .Add(new Article("apart", "Trade", [
            "The yen was mentioned first, then a long list of other business came up: farm subsidies, shipping rules, port fees, and finally the dollar."]))
        .Add(new Article("one-word", "Markets", ["The dollar rose in quiet trading."]));

    private readonly WordPair[] pairs;

    public PairProximityTests()
    {
        string Term(string word) => IndexedTerm.Of(index.Index.Analyzer, word)!;
        var (yen, dollar, ministers, said) = (Term("yen"), Term("dollar"), Term("ministers"), Term("said"));
        pairs =
        [
            new(yen, dollar, 2, 0.1f), new(dollar, yen, 2, 0.1f), new(yen, dollar, 8, 0.05f), new(ministers, yen, 8, 0.05f),
            new(yen, ministers, 8, 0.05f), new(ministers, said, 2, 0.1f), new(yen, Term("fell"), 1, 1f), new(yen, "unknownword", 8, 0.05f),
        ];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Scores_equal_the_pairs_lucene_query(int pair)
    {
        index.Index.Search(searcher =>
        {
            var all = searcher.Search(new MatchAllDocsQuery(), 100).ScoreDocs;
            var scores = all.ToDictionary(d => d.Doc, _ => 0f);

            PairProximity.AddScores(searcher, [pairs[pair]], SegmentDocs.Of(searcher.IndexReader, scores.Keys), scores);

            var expected = all.ToDictionary(d => d.Doc, _ => 0f);
            foreach (var hit in searcher.Search(pairs[pair].ToQuery(), 100).ScoreDocs)
                expected[hit.Doc] = hit.Score;
            Assert.Equal(expected.OrderBy(kv => kv.Key), scores.OrderBy(kv => kv.Key));
            Assert.True(pairs[pair].Second == "unknownword" || expected.Values.Any(s => s > 0), "the pair matches somewhere");
            return 0;
        });
    }

    [Fact]
    public void Scores_of_many_pairs_add_up_as_one_query_of_them() => AddUpAsOneQuery(pairs);

    /// <summary>
    /// Paragraphs are passed over for a pair when its two terms are in no one field, told from bits of the first 64 terms;
    /// pairs of later terms (a hundred and more, with synonyms) are scored all the same.
    /// </summary>
    [Fact]
    public void Scores_of_pairs_of_terms_past_the_sixty_fourth_add_up_as_one_query_of_them()
    {
        // The first pair's terms are numbered 0 and 1, then seventy words no paragraph has: every other term is past the
        // 64th, and pairs such as (ministers, yen) have one term of each side.
        var absent = Enumerable.Range(0, 35).Select(i => new WordPair($"absentfirst{i}", $"absentsecond{i}", 2, 0.1f));
        AddUpAsOneQuery([pairs[0], .. absent, .. pairs]);
    }

    private void AddUpAsOneQuery(WordPair[] pairs)
    {
        index.Index.Search(searcher =>
        {
            var all = searcher.Search(new MatchAllDocsQuery(), 100).ScoreDocs;
            var scores = all.ToDictionary(d => d.Doc, _ => 0f);

            PairProximity.AddScores(searcher, pairs, SegmentDocs.Of(searcher.IndexReader, scores.Keys), scores);

            var together = new BooleanQuery();
            foreach (var pair in pairs)
                together.Add(pair.ToQuery(), Occur.SHOULD);
            var hits = searcher.Search(together, 100).ScoreDocs;
            Assert.NotEmpty(hits);
            foreach (var hit in hits)
                Assert.Equal(hit.Score, scores[hit.Doc], 5);
            Assert.All(scores.Where(kv => hits.All(h => h.Doc != kv.Key)), kv => Assert.Equal(0f, kv.Value));
            return 0;
        });
    }

    public void Dispose() => index.Dispose();
}
