using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

/// <summary>What the percolator had not matched when it stopped is matched after the next start, once.</summary>
public sealed class AlertPercolatorTests : IDisposable
{
    private static readonly ArticleFacets NoFacets = new(ParagraphFacets.Empty, []);

    private readonly TempDirectory folder = new();
    private readonly List<WebhookSender> senders = [];

    [Fact]
    public async Task An_article_written_but_not_yet_searchable_when_matching_stops_is_matched_once_after_the_next_start()
    {
        var store = new AlertStore(folder.Path);
        var alert = store.Add(new SavedQuery("drought"), null, DateTimeOffset.UtcNow);
        using (var index = Open())
        {
            using var first = Percolator(index, store, new AlertEventStream());
            first.Start(index.Searchable);
            // Not waited for: the index makes it searchable at its next refresh, seconds away, after the stop.
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-1"), NoFacets, null);
        }
        Assert.True(File.Exists(Path.Combine(folder.Path, AlertBacklog.FileName)));

        var events = new AlertEventStream();
        using var subscription = events.Subscribe(alert.Id, null);
        using var reopened = Open();
        using var second = Percolator(reopened, store, events);
        second.Start(reopened.Searchable);

        var published = await subscription.Live.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("cocoa-1", 1), (Assert.Single(published.Notice.Hits).ArticleId, published.Notice.Hits[0].Paragraph));
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await subscription.Live.ReadAsync(quiet.Token));
        Assert.False(File.Exists(Path.Combine(folder.Path, AlertBacklog.FileName)));
    }

    private SearchIndex Open() =>
        new(folder.Path, NullLogger<SearchIndex>.Instance, SearcherSetup.Create(SearchIndex.DefaultQueryBudget));

    private AlertPercolator Percolator(SearchIndex index, AlertStore store, AlertEventStream events)
    {
        var lookup = new ArticleLookup(index);
        return new AlertPercolator(folder.Path, store,
            new AlertQueryCompiler(index.Analyzer, Synonyms.None, QueryCostLimits.Default, () => null), new AlertMatcher(index.Analyzer), events,
            Sender(),
            id => lookup.Find(id) is { } view
                ? new SearchableArticle(new Article(view.Id, view.Title, view.Paragraphs.Select(p => p.Text).ToList(), view.Date), NoFacets)
                : null,
            NullLogger<AlertPercolator>.Instance);
    }

    private WebhookSender Sender()
    {
        var sender = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance);
        senders.Add(sender);
        return sender;
    }

    public void Dispose()
    {
        senders.ForEach(s => s.Dispose());
        folder.Dispose();
    }
}
