using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Quotes;

/// <summary>
/// Makes the paragraph index's searchers with <paramref name="searchers"/>, and first refreshes the statements' readers:
/// the paragraph reader is already open then, and an article's statements are written before its paragraphs, so the
/// statements hold at least the articles the paragraphs show, before any waiter is told its write is searchable. Here
/// rather than in a refresh listener: Lucene.Net keeps a manager's listeners in a hash set, run in no fixed order, and
/// the reopen thread's own, which tells waiters, often ran first (a corpus pass then reported done, and /quotes found
/// none of its statements until the next refresh).
/// </summary>
internal sealed class StatementRefresh(SearcherFactory searchers, StatementIndex statements) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        statements.Refresh();
        return searchers.NewSearcher(reader);
    }
}
