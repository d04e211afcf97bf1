using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Opens what the service cannot run without and whose opening reads files, once and in this order: the facet
/// extractor's data (loaded on another core meanwhile), the index (<see cref="SearchIndex"/>), then the API write
/// journal, replaying what the index's last commit does not hold (<see cref="JournalProtocol.Open"/>). The host's
/// start-up calls <see cref="Open"/>; the index and the journal are resolved from it only afterwards, and resolving them
/// earlier throws, so opening is never the side effect of resolving a service.
/// </summary>
public sealed class IndexOpener
{
    private readonly SearchOptions options;
    private readonly SearcherProvider searchers;
    private readonly ILoggerFactory loggers;
    private readonly Lazy<IFacetExtractor> extractor;
    private SpeakerIdentities? speakerIdentities;
    private SearchIndex? index;
    private JournalProtocol? journal;

    public IndexOpener(IOptions<SearchOptions> options, SearcherProvider searchers, ILoggerFactory loggers)
    {
        this.options = options.Value;
        this.searchers = searchers;
        this.loggers = loggers;
        extractor = new Lazy<IFacetExtractor>(() =>
        {
            var news = NewsFacetExtractor.Load(string.IsNullOrWhiteSpace(this.options.TaxonomyPath) ? null : this.options.TaxonomyPath);
            if (!this.options.SpeakerIdentities)
                return news;
            speakerIdentities = SpeakerIdentityFile.Load(this.options.IndexPath, news.SpeakerLexicon);
            return news.WithSpeakerIdentities(speakerIdentities);
        });
    }

    /// <summary>Opens the index's Lucene directories; null: the folders on disk (tests pass a disk that fails).</summary>
    internal Func<string, Lucene.Net.Store.Directory>? OpenDirectory { get; init; }

    /// <summary>The facet extractor, loaded on first use (the <c>extract</c> command needs no index).</summary>
    public IFacetExtractor Extractor => extractor.Value;

    public SearchIndex Index => index ?? throw NotOpen();

    public JournalProtocol Journal => Volatile.Read(ref journal) ?? throw NotOpen();

    /// <summary>
    /// Raised by <see cref="Open"/> once the index is open and before the journal is replayed, so that what observes
    /// the index's writes (<see cref="SearchIndex.Searchable"/>) sees the replayed ones and every later one.
    /// </summary>
    public event Action<SearchIndex>? Opened;

    /// <summary>Whether <see cref="Open"/> has finished: the index answers searches and the journal is replayed.</summary>
    public bool IsOpen => Volatile.Read(ref journal) is not null;

    /// <summary>
    /// Opens the index and the journal. Throws <see cref="IndexUnavailableException"/> when the index folder is locked
    /// or cannot be written, <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> when the
    /// extractor's data or taxonomy cannot be read; nothing stays open then.
    /// </summary>
    public void Open()
    {
        var loading = Task.Run(() => extractor.Value);
        SearchIndex opened;
        try
        {
            opened = new SearchIndex(options.IndexPath, loggers.CreateLogger<SearchIndex>(), searchers, OpenDirectory);
        }
        finally
        {
            ((IAsyncResult)loading).AsyncWaitHandle.WaitOne(); // done before the caller goes on or gives up
        }
        try
        {
            var facets = loading.GetAwaiter().GetResult(); // the loading error itself, not an AggregateException
            if (speakerIdentities is not null)
                opened.SpeakerIdentities.Attach(speakerIdentities);
            index = opened;
            Opened?.Invoke(opened);
            Volatile.Write(ref journal, JournalProtocol.Open(opened, facets, loggers.CreateLogger<JournalProtocol>(),
                Math.Max(1, options.JournalCompactionBytes)));
        }
        catch
        {
            index = null;
            opened.Dispose();
            throw;
        }
    }

    private static InvalidOperationException NotOpen() =>
        new("The index is opened at start-up (IndexOpener.Open) before anything uses it.");
}
