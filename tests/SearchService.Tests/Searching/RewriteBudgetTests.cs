using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// The terms a pattern expands to are enumerated while Lucene rewrites the query, before any collector runs; that
/// enumeration runs under the search's time budget too.
/// </summary>
public sealed class RewriteBudgetTests(RewriteBudgetTests.Indexes indexes) : IClassFixture<RewriteBudgetTests.Indexes>
{
    /// <summary>The same many words in an index with a 1 ms budget and one with the default budget.</summary>
    public sealed class Indexes : IDisposable
    {
        /// <summary>Distinct words starting with w: enumerating them all takes milliseconds, far over a 1 ms budget.</summary>
        private const int Words = 100_000;

        public TestIndex Hurried { get; } = WithManyWords(new TestIndex(TimeSpan.FromMilliseconds(1)));

        public TestIndex Patient { get; } = WithManyWords(new TestIndex());

        private static TestIndex WithManyWords(TestIndex index) => index.Add(new Article("words", "Words", ManyWords.Paragraphs(Words)));

        public void Dispose()
        {
            Hurried.Dispose();
            Patient.Dispose();
        }
    }

    // Matches no term, so Lucene reads every w-term while rewriting and nothing is ever collected.
    private const string MatchesNoTerm = "/w.*x/";

    [Fact]
    public void A_pattern_whose_terms_take_longer_to_enumerate_than_the_budget_is_stopped()
    {
        var searcher = new ParagraphSearcher(indexes.Hurried.Index);

        Assert.Throws<QueryTimeoutException>(() => searcher.Search(new SearchRequest(MatchesNoTerm, QuerySyntax.Lucene)));
    }

    [Fact]
    public void The_same_pattern_within_its_budget_runs_to_the_end()
    {
        var result = new ParagraphSearcher(indexes.Patient.Index).Search(new SearchRequest(MatchesNoTerm, QuerySyntax.Lucene));

        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void A_pattern_within_its_budget_finds_its_terms()
    {
        var result = new ParagraphSearcher(indexes.Patient.Index).Search(new SearchRequest("/w00001[0-9]/", QuerySyntax.Lucene));

        Assert.Equal(1, result.Total);
    }
}
