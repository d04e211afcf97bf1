using Lucene.Net.Search;

namespace SearchService.Core.Quotes;

/// <summary>Refreshes the statements' readers each time the paragraph index's readers are refreshed, before waiters for that refresh are told.</summary>
internal sealed class StatementRefresh(StatementIndex statements) : ReferenceManager.IRefreshListener
{
    public void BeforeRefresh()
    {
    }

    public void AfterRefresh(bool didRefresh)
    {
        if (didRefresh)
            statements.Refresh();
    }
}
