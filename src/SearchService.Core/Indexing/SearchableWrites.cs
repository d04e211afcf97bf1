using System.Text.Json;
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
/// <remarks>
/// Each commit records, in its user data (<see cref="UnmatchedKey"/>), the ids of the articles written and not yet
/// handled by the observer: those being written, those not yet searchable, and those the observer says it has not
/// finished (<see cref="Observe"/>). So after a crash the observer learns, from the commit the index reopens at
/// (<see cref="UnhandledAtOpen"/>), every article that commit holds and it had not handled. It is asked after the corpus
/// files and the journal length are recorded, and a write is counted from before it reaches the index: an article the
/// commit holds but does not list was handled, or is written again at the restart (its file is not recorded as whole,
/// or its journal line is replayed).
/// </remarks>
public sealed class SearchableWrites : ICommitContributor
{
    public const string UnmatchedKey = "alerts.unmatched";

    private readonly Lock gate = new();
    private readonly List<(long Generation, SearchableArticle Written)> pending = [];
    private readonly Dictionary<string, int> writing = new(StringComparer.Ordinal);
    private Action<IReadOnlyList<SearchableArticle>>? observer;
    private Func<IReadOnlyCollection<string>> unfinished = () => [];

    /// <param name="commitData">The user data of the commit the index opened at.</param>
    public SearchableWrites(IReadOnlyDictionary<string, string> commitData) =>
        UnhandledAtOpen = commitData.TryGetValue(UnmatchedKey, out var ids) ? JsonSerializer.Deserialize<List<string>>(ids) ?? [] : [];

    /// <summary>The ids of the articles the commit the index opened at held and its observer had not handled.</summary>
    public IReadOnlyList<string> UnhandledAtOpen { get; }

    /// <summary>Asks for a commit soon, so that it records what the observer has handled since the last one.</summary>
    internal Action ScheduleCommit { get; set; } = () => { };

    /// <summary>
    /// From now on, articles written are handed to <paramref name="onSearchable"/> once searchable, and commits record
    /// them as unhandled until then and for as long as <paramref name="handling"/> lists them.
    /// </summary>
    public void Observe(Action<IReadOnlyList<SearchableArticle>> onSearchable, Func<IReadOnlyCollection<string>> handling)
    {
        lock (gate)
        {
            observer = onSearchable;
            unfinished = handling;
        }
    }

    /// <summary>The observer has handled more articles: the next commit, soon, records fewer.</summary>
    public void Handled()
    {
        try
        {
            ScheduleCommit();
        }
        catch (ObjectDisposedException)
        {
            // The index closed meanwhile; its last commit recorded what was unhandled then.
        }
    }

    /// <summary>Writes an article with <paramref name="write"/>, which returns the generation it got; returns it.</summary>
    internal long Write(Article article, ArticleFacets facets, Func<long> write)
    {
        lock (gate)
        {
            if (observer is not null)
                writing[article.Id] = writing.GetValueOrDefault(article.Id) + 1;
        }
        long generation = -1;
        try
        {
            generation = write();
            return generation;
        }
        finally
        {
            lock (gate)
            {
                if (writing.TryGetValue(article.Id, out var count))
                {
                    if (count > 1)
                        writing[article.Id] = count - 1;
                    else
                        writing.Remove(article.Id);
                }
                if (observer is not null && generation >= 0)
                    pending.Add((generation, new SearchableArticle(article, facets)));
            }
        }
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
            // Counted as unhandled again by the observer before they leave pending: a commit meanwhile lists them either way.
            tell(searchable);
        }
    }

    public void Contribute(IDictionary<string, string> commitData)
    {
        HashSet<string> unhandled;
        lock (gate)
        {
            // Not observed yet: what the last commit left unhandled stays so until an observer takes it.
            unhandled = new HashSet<string>(observer is null ? (IEnumerable<string>)UnhandledAtOpen : writing.Keys, StringComparer.Ordinal);
            unhandled.UnionWith(pending.Select(p => p.Written.Article.Id));
            unhandled.UnionWith(unfinished());
        }
        if (unhandled.Count > 0)
            commitData[UnmatchedKey] = JsonSerializer.Serialize(unhandled.Order(StringComparer.Ordinal));
    }
}
