using Lucene.Net.Search;

namespace SearchService.Core.Quotes;

/// <summary>
/// Refreshes the statements' readers each time the paragraph index's readers are refreshed, before waiters for that
/// refresh are told; also when the paragraphs had nothing new, since an article's statements are written after its
/// paragraphs and may have missed the refresh that showed them (cheap: nothing new is no reopen).
/// </summary>
internal sealed class StatementRefresh(StatementIndex statements) : ReferenceManager.IRefreshListener
{
    public void BeforeRefresh()
    {
    }

    public void AfterRefresh(bool didRefresh) => statements.Refresh();
}
