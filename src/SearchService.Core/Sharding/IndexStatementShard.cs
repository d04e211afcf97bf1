using Lucene.Net.Index;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;

namespace SearchService.Core.Sharding;

/// <summary>
/// The statements of a shard of this process (<see cref="SearchIndex.SearchStatements"/>), answering on the caller's
/// thread; a shard grain answers with one too. Its speaker filters use the shard's identity table (<see cref="SearchIndex.SpeakerIdentities"/>).
/// </summary>
public sealed class IndexStatementShard(SearchIndex index) : IStatementShard
{
    public ValueTask<CorpusStatistics> StatementDfsAsync(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(index.SearchStatements(searcher =>
        {
            var terms = new HashSet<Term>();
            if (StatementSearch.Words(index.Analyzer, request.Query) is { } words)
                searcher.Rewrite(words).ExtractTerms(terms);
            return CorpusStatistics.Of(searcher, terms);
        }));
    }

    public ValueTask<StatementMatches> StatementMatchesAsync(QuoteRequest request, CorpusStatistics statistics) =>
        ValueTask.FromResult(index.SearchStatements(searcher =>
            StatementSearch.Matches(GlobalStatisticsSearcher.Over(searcher, statistics), index.Analyzer, request, index.SpeakerIdentities.Table)));

    public ValueTask<IReadOnlyList<QuoteHit?>> StatementHitsAsync(QuoteRequest request, IReadOnlyList<StatementMatch> matches) =>
        ValueTask.FromResult(index.SearchStatements(searcher => StatementSearch.Fetch(searcher, index.Analyzer, request, matches)));

    public ValueTask<Dictionary<string, int>> StatementMonthsAsync(QuoteRequest request) =>
        ValueTask.FromResult(index.SearchStatements(searcher => StatementSearch.Months(searcher, request, index.SpeakerIdentities.Table).ToDictionary()));
}
