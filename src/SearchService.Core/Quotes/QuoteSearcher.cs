using System.Diagnostics;
using SearchService.Core.Indexing;

namespace SearchService.Core.Quotes;

/// <summary>
/// Answers <c>/quotes</c> from the statements beside the index (<see cref="StatementIndex"/>): statements whose text has
/// all the query's words, ranked by BM25 on that text as <c>/search</c> ranks paragraphs (newest first without words),
/// narrowed by the request's filters and a scoped key's scope, with the facets speaker, region, topic and verb each
/// counted with every filter but its own (multi-select), as <c>/search</c> counts them (<see cref="StatementSearch"/>).
/// </summary>
public sealed class QuoteSearcher(SearchIndex index)
{
    public QuoteResult Search(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var answer = index.SearchStatements(searcher =>
            StatementSearch.Run(searcher, index.Analyzer, request, index.SpeakerIdentities.Table, from: (request.Page - 1) * request.PageSize));
        return StatementSearch.Result(request, answer.Total, answer.Hits, answer.Counts, clock.Elapsed);
    }

    /// <summary>Statements by month of publication (<see cref="StatementSearch.Months"/>).</summary>
    public IReadOnlyDictionary<string, int> Months(QuoteRequest request) =>
        index.SearchStatements(searcher => StatementSearch.Months(searcher, request, index.SpeakerIdentities.Table));
}
