namespace SearchService.Core.Indexing;

/// <summary>
/// Hears of the articles written to the live index and of the refreshes that make them searchable (<see cref="SearchableWrites"/>).
/// Every call comes on a thread that writes or refreshes the index: it must hand the work on, never wait for it.
/// </summary>
public interface IWriteObserver
{
    /// <summary>An article was written and got <paramref name="generation"/>; it is searchable once a refresh covers it.</summary>
    void Written(long generation, SearchableArticle written);

    /// <summary>An article was deleted and the deletion got <paramref name="generation"/>: its earlier writes will never be searchable.</summary>
    void Deleted(long generation, string articleId);

    /// <summary>A refresh has made every write up to <paramref name="generation"/> searchable.</summary>
    void SearchableUpTo(long generation);
}
