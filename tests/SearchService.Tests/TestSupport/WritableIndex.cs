using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// An index with its API write path — the <see cref="JournalProtocol"/> (which replays the journal as it opens) and the
/// <see cref="ArticleStore"/> over it — opened on a folder the way the service opens them. Disposing it is a clean stop.
/// </summary>
public sealed class WritableIndex : IDisposable
{
    public static readonly IFacetExtractor Extractor = NewsFacetExtractor.Load();

    /// <param name="searchers">The searchers' setup; null: plain searchers.</param>
    /// <param name="openDirectory">Opens the Lucene directories; null: on disk.</param>
    /// <param name="journalFile">The journal file; null: the one in the folder.</param>
    public WritableIndex(
        string folder, SearcherProvider? searchers = null, Func<string, LuceneDirectory>? openDirectory = null,
        long compactAtBytes = JournalProtocol.DefaultCompactAtBytes, WriteJournal? journalFile = null)
    {
        Index = new SearchIndex(folder, NullLogger<SearchIndex>.Instance, searchers, openDirectory);
        Journal = JournalProtocol.Open(Index, Extractor, NullLogger<JournalProtocol>.Instance, compactAtBytes, journalFile);
        Store = new ArticleStore(Index, Journal, Extractor, NullLogger<ArticleStore>.Instance);
    }

    public SearchIndex Index { get; }

    public JournalProtocol Journal { get; }

    public ArticleStore Store { get; }

    public void Dispose()
    {
        Journal.Dispose();
        Index.Dispose();
    }
}
