using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

/// <summary>What the percolator had not matched when it stopped, or when the process crashed, is matched after the next start, once.</summary>
public sealed class AlertPercolatorTests : IDisposable
{
    private static readonly ArticleFacets NoFacets = new(ParagraphFacets.Empty, []);

    private readonly TempDirectory folder = new();
    private readonly TempDirectory crashed = new();
    private readonly List<WebhookSender> senders = [];

    [Fact]
    public async Task An_article_written_but_not_yet_searchable_when_matching_stops_is_matched_once_after_the_next_start()
    {
        var store = new AlertStore(folder.Path);
        var alert = store.Add(new SavedQuery("drought"), null, DateTimeOffset.UtcNow);
        using (var index = Open(folder.Path))
        {
            using var first = Percolator(index, store, new AlertEventStream());
            first.Start(index.Searchable);
            // Not waited for: the index makes it searchable at its next refresh, seconds away, after the stop.
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-1"), NoFacets, null);
        }

        var events = new AlertEventStream();
        using var subscription = events.Subscribe(alert.Id, null);
        using var reopened = Open(folder.Path);
        Assert.Equal(["cocoa-1"], reopened.Searchable.UnhandledAtOpen);
        using var second = Percolator(reopened, store, events);
        second.Start(reopened.Searchable);

        await AssertDeliveredOnce(subscription, "cocoa-1");
    }

    [Fact]
    public async Task An_article_the_last_commit_held_and_matching_had_not_reached_is_matched_once_after_a_crash()
    {
        var store = new AlertStore(folder.Path);
        var alert = store.Add(new SavedQuery("drought"), null, DateTimeOffset.UtcNow);
        using (var index = Open(folder.Path))
        {
            using var first = Percolator(index, store, new AlertEventStream());
            first.Start(index.Searchable);
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-2"), NoFacets, null);
            index.Commit();
            // What a crash leaves on disk now: the commit holds the article, not yet searchable (the next refresh is
            // seconds away), so not yet matched.
            CopyFiles(folder.Path, crashed.Path);
        }

        var events = new AlertEventStream();
        using var subscription = events.Subscribe(alert.Id, null);
        using var restarted = Open(crashed.Path);
        using var second = Percolator(restarted, new AlertStore(crashed.Path), events);
        second.Start(restarted.Searchable);

        await AssertDeliveredOnce(subscription, "cocoa-2");
    }

    private static async Task AssertDeliveredOnce(AlertSubscription subscription, string articleId)
    {
        var published = await subscription.Live.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((articleId, 1), (Assert.Single(published.Notice.Hits).ArticleId, published.Notice.Hits[0].Paragraph));
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await subscription.Live.ReadAsync(quiet.Token));
    }

    /// <summary>Copies a folder's files as they are, but the lock files the open index holds.</summary>
    private static void CopyFiles(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is "write.lock" or SearchIndex.ProcessLockFileName)
                continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static SearchIndex Open(string path) =>
        new(path, NullLogger<SearchIndex>.Instance, SearcherSetup.Create(SearchIndex.DefaultQueryBudget));

    private AlertPercolator Percolator(SearchIndex index, AlertStore store, AlertEventStream events)
    {
        var lookup = new ArticleLookup(index);
        return new AlertPercolator(store,
            new AlertQueryCompiler(index.Analyzer, Synonyms.None, QueryCostLimits.Default, () => null), new AlertMatcher(index.Analyzer), events,
            Sender(index.Path),
            id => lookup.Find(id) is { } view
                ? new SearchableArticle(new Article(view.Id, view.Title, view.Paragraphs.Select(p => p.Text).ToList(), view.Date), NoFacets)
                : null,
            NullLogger<AlertPercolator>.Instance);
    }

    private WebhookSender Sender(string indexPath)
    {
        var sender = new WebhookSender(indexPath, NullLogger<WebhookSender>.Instance);
        senders.Add(sender);
        return sender;
    }

    public void Dispose()
    {
        senders.ForEach(s => s.Dispose());
        folder.Dispose();
        crashed.Dispose();
    }
}
