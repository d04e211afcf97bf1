using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

/// <summary>
/// The percolator matches a write before it is searchable and publishes its notices only once it is, as last written;
/// what it had not published when it stopped, or when the process crashed, is matched after the next start, once.
/// </summary>
public sealed class AlertPercolatorTests : IDisposable
{
    private static readonly ArticleFacets NoFacets = new(ParagraphFacets.Empty, []);

    private readonly TempDirectory folder = new();
    private readonly TempDirectory crashed = new();
    private readonly List<WebhookSender> senders = [];

    [Fact]
    public async Task A_notice_matched_before_its_article_is_searchable_is_published_only_once_it_is()
    {
        using var watched = Watching();

        var generation = await watched.WriteAndHold(NewsArticles.Cocoa("cocoa-5"));

        Assert.False(Found(watched.Index, "cocoa-5"));
        Assert.False(watched.Subscription.Live.TryRead(out _));
        Assert.True(watched.Index.WaitForGeneration(generation, TimeSpan.FromSeconds(30)));
        await AssertDeliveredOnce(watched.Subscription, "cocoa-5");
        Assert.Equal(0, watched.Percolator.Pending);
    }

    [Fact]
    public async Task A_refresh_waits_for_matching_slower_than_writing_so_the_notice_goes_at_the_refresh_that_makes_its_article_searchable()
    {
        using var matching = new ManualResetEventSlim();
        using var watched = Watching();
        watched.Percolator.MaxRefreshWait = TimeSpan.FromMinutes(10);
        watched.Percolator.BeforeBatch = matching.Wait; // matching held up: the write outruns it
        try
        {
            var generation = watched.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-9"), NoFacets, null);
            var searchable = Task.Run(() => watched.Index.WaitForGeneration(generation, TimeSpan.FromMinutes(10)));
            await Eventually.True(() => watched.Percolator.RefreshWaiting, "a refresh waiting for matching");

            Assert.False(Found(watched.Index, "cocoa-9"));
            matching.Set();
            Assert.True(await searchable);
            // Matched before the refresh went on, so that refresh hands the notice to delivery (the waiter may wake an
            // instant before the refresh's listener has told the percolator: seen once in the fast loop).
            await Eventually.True(() => watched.Percolator is { Held: 0, RefreshWaiting: false }, "the notice handed over and no refresh waiting");
            await AssertDeliveredOnce(watched.Subscription, "cocoa-9");
        }
        finally
        {
            matching.Set();
        }
    }

    [Fact]
    public async Task A_refresh_waits_for_matching_no_longer_than_its_limit_and_the_notice_follows_once_matched()
    {
        using var matching = new ManualResetEventSlim();
        using var watched = Watching();
        watched.Percolator.MaxRefreshWait = TimeSpan.FromMilliseconds(200);
        watched.Percolator.BeforeBatch = matching.Wait;
        try
        {
            var generation = watched.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-10"), NoFacets, null);

            Assert.True(watched.Index.WaitForGeneration(generation, TimeSpan.FromMinutes(10)));
            Assert.True(Found(watched.Index, "cocoa-10"));
            Assert.False(watched.Subscription.Live.TryRead(out _));
            matching.Set();
            await AssertDeliveredOnce(watched.Subscription, "cocoa-10");
        }
        finally
        {
            matching.Set();
        }
    }

    [Fact]
    public async Task A_deletion_before_the_refresh_drops_the_held_notice()
    {
        using var watched = Watching();
        await watched.WriteAndHold(NewsArticles.Cocoa("cocoa-6"));

        watched.Index.DeleteArticle("cocoa-6");

        Assert.Equal((0, 0L), (watched.Percolator.Held, watched.Percolator.Pending));
        // A later match is delivered alone: the deleted one never is.
        Assert.True(watched.Index.WaitForGeneration(watched.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-7"), NoFacets, null), TimeSpan.FromSeconds(30)));
        await AssertDeliveredOnce(watched.Subscription, "cocoa-7");
    }

    [Fact]
    public async Task A_rewrite_before_the_refresh_delivers_only_the_new_version()
    {
        using var watched = Watching();
        await watched.WriteAndHold(NewsArticles.Cocoa("cocoa-8", "Drought in Bahia"));
        var rewritten = NewsArticles.Cocoa("cocoa-8", "Showers end the Bahia drought");

        Assert.True(watched.Index.WaitForGeneration(watched.Index.ReplaceArticle(rewritten, NoFacets, null), TimeSpan.FromSeconds(30)));

        var published = await watched.Subscription.Live.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(AlertEventId.Of(watched.Alert.Id, "cocoa-8", AlertEventId.Version(rewritten)), published.Id);
        Assert.All(published.Notice.Hits, h => Assert.Equal("Showers end the Bahia drought", h.Title));
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await watched.Subscription.Live.ReadAsync(quiet.Token));
    }

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

    [Fact]
    public async Task An_article_the_matcher_fails_on_is_dropped_and_matching_goes_on_for_the_rest_and_later_writes()
    {
        var store = new AlertStore(folder.Path);
        var alert = store.Add(new SavedQuery("drought"), null, DateTimeOffset.UtcNow);
        using (var index = Open(folder.Path))
        {
            using var first = Percolator(index, store, new AlertEventStream());
            first.Start(index.Searchable);
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-5"), NoFacets, null);
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-6"), NoFacets, null);
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-8"), NoFacets, null);
            index.Commit();
            CopyFiles(folder.Path, crashed.Path); // all three listed as not yet matched
        }

        var events = new AlertEventStream();
        using var subscription = events.Subscribe(alert.Id, null);
        using var restarted = Open(crashed.Path);
        var lookup = new ArticleLookup(restarted);
        // cocoa-5 read back as no analyser can take it (a paragraph without text); cocoa-8 not read back at all.
        using var second = Percolator(restarted, new AlertStore(crashed.Path), events, reread: id => id switch
        {
            "cocoa-5" => new SearchableArticle(NewsArticles.Cocoa(id) with { Paragraphs = [null!] }, NoFacets),
            "cocoa-8" => throw new IOException("Input/output error"),
            _ => ReadBack(lookup, id),
        });
        second.Start(restarted.Searchable);
        await AssertDeliveredOnce(subscription, "cocoa-6");

        restarted.ReplaceArticle(NewsArticles.Cocoa("cocoa-7"), NoFacets, null);
        Assert.True(restarted.WaitUntilSearchable(TimeSpan.FromSeconds(30)));
        await AssertDeliveredOnce(subscription, "cocoa-7");
        Assert.Equal(0, second.Pending);
    }

    [Fact]
    public async Task More_articles_than_one_batch_held_unmatched_by_the_last_commit_are_all_matched_after_a_crash()
    {
        var store = new AlertStore(folder.Path);
        var alert = store.Add(new SavedQuery("drought"), null, DateTimeOffset.UtcNow);
        var articles = AlertPercolator.MaxBatchArticles + 30;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        using (var index = Open(folder.Path))
        {
            using var first = Percolator(index, store, new AlertEventStream());
            first.Start(index.Searchable);
            // No refresh at the usual 5 s while writing: one made the first articles searchable, so matched and
            // published before the commit (writing took longer than that at load 50, and the test failed).
            using var bulkPass = index.BeginBulkPass();
            for (var n = 0; n < articles; n++)
            {
                // One in ten mentions the drought: the stream's buffer holds every notice while the test reads them.
                var id = $"cocoa-{n:D4}";
                var article = n % 10 == 0 ? NewsArticles.Cocoa(id) : NewsArticles.Cocoa(id) with { Paragraphs = ["Arrivals at the port were steady this week."] };
                index.ReplaceArticle(article, NoFacets, null);
                if (n % 10 == 0)
                    expected.Add(id);
            }
            index.Commit();
            CopyFiles(folder.Path, crashed.Path);
        }

        var events = new AlertEventStream();
        using var subscription = events.Subscribe(alert.Id, null);
        using var restarted = Open(crashed.Path);
        Assert.Equal(articles, restarted.Searchable.UnhandledAtOpen.Count);
        using var second = Percolator(restarted, new AlertStore(crashed.Path), events);
        second.Start(restarted.Searchable);

        var delivered = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (delivered.Count < expected.Count)
                delivered.AddRange((await subscription.Live.ReadAsync(deadline.Token)).Notice.Hits.Select(h => h.ArticleId).Distinct());
        }
        catch (OperationCanceledException)
        {
            // Waited long enough: the assertion below names what never came.
        }
        Assert.Equal(expected.Order(), delivered.Order());
    }

    [Fact]
    public async Task A_notice_left_in_the_outbox_for_an_article_the_last_commit_listed_as_unmatched_is_sent_once_after_a_crash()
    {
        await using var receiver = await new WebhookReceiver(failFirst: 1).StartAsync();
        var store = new AlertStore(folder.Path);
        store.Add(new SavedQuery("drought"), receiver.Url, DateTimeOffset.UtcNow);
        using (var index = Open(folder.Path))
        {
            var slowRetries = Sender(folder.Path, TimeSpan.FromHours(1));
            using var first = Percolator(index, store, new AlertEventStream(), slowRetries);
            first.Start(index.Searchable);
            index.ReplaceArticle(NewsArticles.Cocoa("cocoa-4"), NoFacets, null);
            index.Commit();
            CopyFiles(folder.Path, crashed.Path); // the commit lists cocoa-4: not yet searchable, so not yet matched
            // Matched once searchable: its notice is in the outbox, its first attempt refused, the next an hour away.
            Assert.True(index.WaitUntilSearchable(TimeSpan.FromSeconds(30)));
            await Eventually.True(() => receiver.Received.Count == 1, "the first attempt");
            CopyFiles(Path.Combine(folder.Path, WebhookSender.OutboxFolderName), Path.Combine(crashed.Path, WebhookSender.OutboxFolderName));
        }

        using var restarted = Open(crashed.Path);
        Assert.Equal(["cocoa-4"], restarted.Searchable.UnhandledAtOpen);
        using var second = Percolator(restarted, new AlertStore(crashed.Path), new AlertEventStream(), Sender(crashed.Path));
        second.Start(restarted.Searchable);

        await Eventually.True(() => receiver.Received.Any(r => r.Accepted), "a delivery after the restart");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the read-back match, were it sent again, would come meanwhile
        var accepted = receiver.Received.Where(r => r.Accepted).ToList();
        Assert.Single(accepted);
        Assert.Equal("cocoa-4", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(accepted[0].Body).Hits).ArticleId);
        Assert.Equal(receiver.Received.First().EventId, accepted[0].EventId);
    }

    [Fact]
    public async Task An_article_whose_notices_were_not_flushed_to_the_outbox_stays_unpublished_and_is_delivered_once_after_a_crash()
    {
        await using var receiver = await new WebhookReceiver().StartAsync();
        var store = new AlertStore(folder.Path);
        store.Add(new SavedQuery("drought"), receiver.Url, DateTimeOffset.UtcNow);
        using (var index = Open(folder.Path))
        {
            var crashing = Sender(folder.Path);
            var died = 0;
            crashing.BeforeFlush = () =>
            {
                Interlocked.Increment(ref died);
                throw new IOException("The process died between writing the notices and flushing them");
            };
            using var first = Percolator(index, store, new AlertEventStream(), crashing);
            first.Start(index.Searchable);
            Assert.True(index.WaitForGeneration(index.ReplaceArticle(NewsArticles.Cocoa("cocoa-11"), NoFacets, null), TimeSpan.FromSeconds(30)));
            await Eventually.True(() => Volatile.Read(ref died) == 1, "the notice written and not flushed");

            Assert.Equal(1, first.Pending);
            index.Commit(); // a commit after the torn write still lists the article as unpublished
            CopyFiles(folder.Path, crashed.Path); // the torn outbox file included
        }

        using var restarted = Open(crashed.Path);
        Assert.Equal(["cocoa-11"], restarted.Searchable.UnhandledAtOpen);
        using var second = Percolator(restarted, new AlertStore(crashed.Path), new AlertEventStream(), Sender(crashed.Path));
        second.Start(restarted.Searchable);

        await Eventually.True(() => receiver.Received.Count == 1, "the delivery after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second delivery, were there one, would come meanwhile
        var delivered = Assert.Single(receiver.Received);
        Assert.Equal("cocoa-11", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(delivered.Body).Hits).ArticleId);
    }

    /// <summary>
    /// An index in the test's folder during a bulk pass (no background refresh: a write is searchable when waited for, or
    /// 30 s on), with a "drought" alert matched on it, and the alert's event stream.
    /// </summary>
    private Watched Watching()
    {
        var store = new AlertStore(folder.Path);
        var alert = store.Add(new SavedQuery("drought"), null, DateTimeOffset.UtcNow);
        var events = new AlertEventStream();
        var index = Open(folder.Path);
        var percolator = Percolator(index, store, events);
        percolator.Start(index.Searchable);
        return new Watched(alert, index, index.BeginBulkPass(), percolator, events.Subscribe(alert.Id, null));
    }

    private sealed class Watched(Alert alert, SearchIndex index, IDisposable bulkPass, AlertPercolator percolator, AlertSubscription subscription) : IDisposable
    {
        public Alert Alert => alert;
        public SearchIndex Index => index;
        public AlertPercolator Percolator => percolator;
        public AlertSubscription Subscription => subscription;

        /// <summary>Writes a matching article and waits until its notice is matched and held; returns the write's generation.</summary>
        public async Task<long> WriteAndHold(Article article)
        {
            var generation = index.ReplaceArticle(article, NoFacets, null);
            await Eventually.True(() => percolator.Held == 1, $"{article.Id} matched and held");
            return generation;
        }

        public void Dispose()
        {
            subscription.Dispose();
            bulkPass.Dispose();
            percolator.Dispose();
            index.Dispose();
        }
    }

    private static bool Found(SearchIndex index, string articleId) =>
        index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, articleId)), 1).TotalHits > 0);

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

    private AlertPercolator Percolator(
        SearchIndex index, AlertStore store, AlertEventStream events, WebhookSender? sender = null, Func<string, SearchableArticle?>? reread = null)
    {
        var lookup = new ArticleLookup(index);
        return new AlertPercolator(store,
            new AlertQueryCompiler(index.Analyzer, Synonyms.None, QueryCostLimits.Default, () => null), new AlertMatcher(index.Analyzer), events,
            sender ?? Sender(index.Path), reread ?? (id => ReadBack(lookup, id)), NullLogger<AlertPercolator>.Instance);
    }

    private static SearchableArticle? ReadBack(ArticleLookup lookup, string id) =>
        lookup.Find(id) is { } view
            ? new SearchableArticle(new Article(view.Id, view.Title, view.Paragraphs.Select(p => p.Text).ToList(), view.Date), NoFacets)
            : null;

    private WebhookSender Sender(string indexPath, TimeSpan? backoffUnit = null)
    {
        var sender = new WebhookSender(indexPath, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts) { BackoffUnit = backoffUnit ?? TimeSpan.FromSeconds(1) };
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
