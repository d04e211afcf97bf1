using System.Text.Json;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Tells an observer (<see cref="IWriteObserver"/>) each article written to the live index (corpus passes and API
/// writes, not a rebuild's re-indexing) with the write generation it got, each deletion with its generation, and each
/// refresh with the generation it made searchable (<see cref="SearchableRefresh"/>), so the observer can work on a write
/// before it is searchable and act on it the moment it is. Nothing is told while nobody observes.
/// </summary>
/// <remarks>
/// Each commit records, in its user data (<see cref="UnmatchedKey"/>), the ids of the articles written and not yet
/// handled by the observer: those being written and those the observer says it has not finished (<see cref="Observe"/>;
/// an observer lists what it was told until done with it). So after a crash the observer learns, from the commit the
/// index reopens at (<see cref="UnhandledAtOpen"/>), every article that commit holds and it had not handled. It is
/// asked after the corpus files and the journal length are recorded, and a write is counted from before it reaches the
/// index: an article the commit holds but does not list was handled, or is written again at the restart (its file is
/// not recorded as whole, or its journal line is replayed).
/// </remarks>
public sealed class SearchableWrites : ICommitContributor
{
    public const string UnmatchedKey = "alerts.unmatched";

    private readonly Lock gate = new();
    private readonly Dictionary<string, int> writing = new(StringComparer.Ordinal);
    private IWriteObserver? observer;
    private Func<IReadOnlyCollection<string>> unfinished = () => [];

    /// <param name="commitData">The user data of the commit the index opened at.</param>
    public SearchableWrites(IReadOnlyDictionary<string, string> commitData) =>
        UnhandledAtOpen = commitData.TryGetValue(UnmatchedKey, out var ids) ? JsonSerializer.Deserialize<List<string>>(ids) ?? [] : [];

    /// <summary>The ids of the articles the commit the index opened at held and its observer had not handled.</summary>
    public IReadOnlyList<string> UnhandledAtOpen { get; }

    /// <summary>Asks for a commit soon, so that it records what the observer has handled since the last one.</summary>
    internal Action ScheduleCommit { get; set; } = () => { };

    /// <summary>
    /// From now on, writes, deletions and refreshes are told to <paramref name="writes"/>, and commits record an article
    /// as unhandled while it is being written and for as long as <paramref name="handling"/> lists it.
    /// </summary>
    public void Observe(IWriteObserver writes, Func<IReadOnlyCollection<string>> handling)
    {
        lock (gate)
        {
            observer = writes;
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
        IWriteObserver? tell;
        lock (gate)
            tell = observer;
        tell?.Writing(); // outside the lock: other writers, commits and refreshes go on while this writer is held back
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
                // Told under the lock that ends its writing: a commit lists it, as being written or as the observer's.
                if (observer is not null && generation >= 0)
                    observer.Written(generation, new SearchableArticle(article, facets));
            }
        }
    }

    /// <summary>Tells a deletion that got <paramref name="generation"/>; returns it.</summary>
    internal long Deleted(long generation, string articleId)
    {
        lock (gate)
            observer?.Deleted(generation, articleId);
        return generation;
    }

    /// <summary>A refresh is about to make every write up to <paramref name="generation"/> searchable; the observer may hold it back, bounded.</summary>
    internal void BeforeSearchable(long generation)
    {
        IWriteObserver? tell;
        lock (gate)
            tell = observer;
        tell?.BeforeSearchable(generation);
    }

    /// <summary>A refresh has made every write up to <paramref name="generation"/> searchable.</summary>
    internal void SearchableUpTo(long generation)
    {
        IWriteObserver? tell;
        lock (gate)
            tell = observer;
        tell?.SearchableUpTo(generation);
    }

    public void Contribute(IDictionary<string, string> commitData)
    {
        HashSet<string> unhandled;
        lock (gate)
        {
            // Not observed yet: what the last commit left unhandled stays so until an observer takes it.
            unhandled = new HashSet<string>(observer is null ? (IEnumerable<string>)UnhandledAtOpen : writing.Keys, StringComparer.Ordinal);
            unhandled.UnionWith(unfinished());
        }
        if (unhandled.Count > 0)
            commitData[UnmatchedKey] = JsonSerializer.Serialize(unhandled.Order(StringComparer.Ordinal));
    }
}
