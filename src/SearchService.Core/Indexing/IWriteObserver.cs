namespace SearchService.Core.Indexing;

/// <summary>
/// Hears of the articles written to the live index and of the refreshes that make them searchable (<see cref="SearchableWrites"/>).
/// Every call comes on a thread that writes or refreshes the index: it must hand the work on, never wait for it, but
/// for the two that may hold that thread back, each for a bounded time: <see cref="Writing"/> and <see cref="BeforeSearchable"/>.
/// </summary>
public interface IWriteObserver
{
    /// <summary>An article was written and got <paramref name="generation"/>; it is searchable once a refresh covers it.</summary>
    void Written(long generation, SearchableArticle written);

    /// <summary>An article was deleted and the deletion got <paramref name="generation"/>: its earlier writes will never be searchable.</summary>
    void Deleted(long generation, string articleId);

    /// <summary>A refresh has made every write up to <paramref name="generation"/> searchable.</summary>
    void SearchableUpTo(long generation);

    /// <summary>An article is about to be written: an observer far behind may hold the writer back here, bounded.</summary>
    void Writing()
    {
    }

    /// <summary>
    /// A refresh is about to make every write up to <paramref name="generation"/> searchable: an observer may hold it
    /// back here, bounded, to finish its work on them first. Searches meanwhile see the index as it was.
    /// </summary>
    void BeforeSearchable(long generation)
    {
    }
}
