using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Quotes;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// One Lucene index open for writing and searching: its folder's <see cref="LuceneDirectory"/>, the
/// <see cref="IndexWriter"/>, readers through a <see cref="SearcherManager"/> kept fresh by a
/// <see cref="ControlledRealTimeReopenThread{T}"/>. <see cref="SearchIndex"/> holds one live and swaps in another
/// after a rebuild; the one swapped out is closed once the last search using it ends (<see cref="Retire"/>).
/// Write generations are numbered on from the previous index's (<see cref="GenerationBase"/>), so a caller
/// waiting for a write made before a swap finds it visible at once: the new index was opened holding it.
/// </summary>
internal sealed class IndexGeneration
{
    private readonly LuceneDirectory directory;
    private readonly ControlledRealTimeReopenThread<IndexSearcher> reopenThread;
    private readonly System.Threading.Lock usersGate = new();
    private int users;
    private bool retired;
    private bool closed;
    private Action? onRetiredClose;

    /// <summary>Takes ownership of <paramref name="directory"/>, <paramref name="writer"/> and <paramref name="statements"/>, also when it throws.</summary>
    public IndexGeneration(
        string folder, LuceneDirectory directory, IndexWriter writer, StatementIndex statements, long generationBase,
        SearcherFactory searcherFactory, TimeSpan backgroundRefresh)
    {
        Folder = folder;
        this.directory = directory;
        Writer = writer;
        Statements = statements;
        GenerationBase = generationBase;
        try
        {
            Tracking = new TrackingIndexWriter(writer);
            Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory);
            // Statements are written before their article's paragraphs: once a paragraph is searchable, so are its statements.
            Searchers.AddListener(new StatementRefresh(statements));
        }
        catch
        {
            writer.Rollback();
            directory.Dispose();
            statements.Close(keepChanges: false);
            throw;
        }
        reopenThread = new ControlledRealTimeReopenThread<IndexSearcher>(Tracking, Searchers, backgroundRefresh.TotalSeconds, 0.05)
        {
            Name = "Lucene NRT reopen",
            IsBackground = true,
        };
        reopenThread.Start();
    }

    /// <summary>The folder holding this index's files.</summary>
    public string Folder { get; }

    public IndexWriter Writer { get; }

    /// <summary>The statements of this index's articles, in their own index beside it.</summary>
    public StatementIndex Statements { get; }

    public TrackingIndexWriter Tracking { get; }

    public SearcherManager Searchers { get; }

    /// <summary>Added to this writer's own generations: every generation of earlier indexes is at most this.</summary>
    public long GenerationBase { get; }

    /// <summary>The generation of the latest change made here, in the numbering that continues across swaps.</summary>
    public long LatestGeneration => GenerationBase + Tracking.Generation;

    /// <summary>The generation this writer's <paramref name="ownGeneration"/> has across swaps.</summary>
    public long Numbered(long ownGeneration) => GenerationBase + ownGeneration;

    /// <summary>Blocks until changes up to <paramref name="generation"/> are searchable here.</summary>
    public bool WaitForGeneration(long generation, TimeSpan timeout) =>
        generation <= GenerationBase || reopenThread.WaitForGeneration(generation - GenerationBase, (int)timeout.TotalMilliseconds);

    /// <summary>Counts a user (a search) that keeps this index open; false once it is retired.</summary>
    public bool TryEnter()
    {
        lock (usersGate)
        {
            if (retired)
                return false;
            users++;
            return true;
        }
    }

    /// <summary>Ends a use begun by <see cref="TryEnter"/>; the last one out of a retired index closes it.</summary>
    public void Leave()
    {
        lock (usersGate)
        {
            users--;
            if (!retired || users > 0 || closed)
                return;
            closed = true;
        }
        CloseDiscarding();
    }

    /// <summary>
    /// Takes no more users; once the last ends, closes without committing (its content lives on in the index that
    /// replaced it) and runs <paramref name="discard"/>, which removes its files.
    /// </summary>
    public void Retire(Action discard)
    {
        lock (usersGate)
        {
            retired = true;
            onRetiredClose = discard;
            if (users > 0 || closed)
                return;
            closed = true;
        }
        CloseDiscarding();
    }

    private void CloseDiscarding()
    {
        Shut(keepChanges: false);
        onRetiredClose?.Invoke();
    }

    /// <summary>Closes the live index at shutdown; <paramref name="keepChanges"/>: the writer commits what it was last given, else it drops what it buffered.</summary>
    public void Close(bool keepChanges)
    {
        lock (usersGate)
        {
            if (closed)
                return;
            closed = true;
        }
        Shut(keepChanges);
    }

    private void Shut(bool keepChanges)
    {
        reopenThread.Dispose();
        Searchers.Dispose();
        // Statements first, as at every commit: a paragraph index never holds an article whose statements are lost.
        Statements.Close(keepChanges);
        if (keepChanges)
            Writer.Dispose();
        else
            Writer.Rollback();
        directory.Dispose();
    }
}
