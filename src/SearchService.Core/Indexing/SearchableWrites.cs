using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Tells an observer which articles written to the live index (corpus passes and API writes, not a rebuild's
/// re-indexing) have become searchable, right after the refresh that made them so. Writes are kept by the write
/// generation they got until a refresh covers it (<see cref="SearchableRefresh"/>); an article written twice before a
/// refresh is told once, as last written, and one deleted meanwhile not at all. Nothing is kept while nobody observes.
/// The observer runs on the thread that refreshed (the reopen thread, usually): it must hand the work on, not do it.
/// </summary>
public sealed class SearchableWrites
{
    private readonly Lock gate = new();
    private readonly List<(long Generation, SearchableArticle Written)> pending = [];
    private Action<IReadOnlyList<SearchableArticle>>? observer;

    /// <summary>From now on, articles written are handed to <paramref name="onSearchable"/> once searchable.</summary>
    public void Observe(Action<IReadOnlyList<SearchableArticle>> onSearchable)
    {
        lock (gate)
            observer = onSearchable;
    }

    /// <summary>The ids of articles written and not yet searchable, for an observer that stops before they are.</summary>
    public IReadOnlyList<string> NotYetSearchable()
    {
        lock (gate)
            return pending.Select(p => p.Written.Article.Id).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Records a write that got <paramref name="generation"/>; returns it.</summary>
    internal long Written(long generation, Article article, ArticleFacets facets)
    {
        lock (gate)
        {
            if (observer is not null)
                pending.Add((generation, new SearchableArticle(article, facets)));
        }
        return generation;
    }

    /// <summary>Records a deletion that got <paramref name="generation"/>: earlier writes of the article are not told; returns it.</summary>
    internal long Deleted(long generation, string articleId)
    {
        lock (gate)
            pending.RemoveAll(p => p.Generation <= generation && p.Written.Article.Id == articleId);
        return generation;
    }

    /// <summary>A refresh has made every write up to <paramref name="generation"/> searchable.</summary>
    internal void SearchableUpTo(long generation)
    {
        Action<IReadOnlyList<SearchableArticle>>? tell;
        List<SearchableArticle> searchable;
        lock (gate)
        {
            tell = observer;
            if (tell is null || pending.Count == 0)
                return;
            searchable = pending.Where(p => p.Generation <= generation).Select(p => p.Written)
                .GroupBy(w => w.Article.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
            pending.RemoveAll(p => p.Generation <= generation);
        }
        if (searchable.Count > 0)
            tell(searchable);
    }
}
