using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Alerts;

/// <summary>
/// The percolator's delivery thread: takes the articles matched and searchable (<see cref="Hand"/>) and publishes their
/// notices to event streams and webhooks, so that nothing on the indexing or matching path ever waits for a webhook.
/// </summary>
internal sealed class AlertDelivery(
    AlertStore store, AlertEventStream events, WebhookSender webhooks, MatchingTimes times, ILogger logger)
    : IDisposable
{
    private readonly Channel<(string ArticleId, HeldArticle Held)> publishing =
        Channel.CreateUnbounded<(string, HeldArticle)>(new UnboundedChannelOptions { SingleReader = true });
    private Thread? delivering;
    private Action<string> onPublished = _ => { };
    private Action handled = () => { };

    /// <summary>
    /// Raised on the delivery thread once an article's notices (none, if it matched no alert) are handed to delivery:
    /// how many paragraphs it has, and how long after it became searchable.
    /// </summary>
    public event Action<int, TimeSpan>? Matched;

    /// <summary>Sends again the webhook notices a previous run kept and did not deliver, and shows them on their event streams.</summary>
    public void ResendLeftOver()
    {
        // Kept as published: a match the last run sent to the outbox and the commit still listed as unmatched is
        // matched again, and must not be sent twice.
        foreach (var resent in webhooks.ResendPending(id => store.Find(id) is not null))
            events.Publish(resent);
    }

    /// <summary>
    /// Starts the delivery thread: <paramref name="publishedOne"/> is told each article whose notices are published,
    /// <paramref name="afterEach"/> runs after each round of them.
    /// </summary>
    public void Start(Action<string> publishedOne, Action afterEach)
    {
        onPublished = publishedOne;
        handled = afterEach;
        delivering = new Thread(Deliver) { IsBackground = true, Name = "Alert delivery" };
        delivering.Start();
    }

    /// <summary>An article matched and searchable, for publishing in the order handed.</summary>
    public void Hand((string ArticleId, HeldArticle Held) article) => publishing.Writer.TryWrite(article);

    /// <summary>
    /// Hands the searchable articles' notices to their event streams and webhooks, in the order they became ready: all
    /// those waiting at once (what one refresh made searchable), their webhook notices kept on disk with one flush.
    /// </summary>
    private void Deliver()
    {
        var reader = publishing.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            var ready = new List<(string ArticleId, HeldArticle Held)>();
            while (reader.TryRead(out var article))
                ready.Add(article);
            Publish(ready);
            handled();
        }
    }

    /// <summary>
    /// Publishes the articles' notices. An article with notices for a webhook counts as published only once they are on
    /// disk, all of them with one flush: should they not be kept (a full disk), it stays listed as unpublished in the
    /// index's commits, and the next start matches it again. One without counts as published at once.
    /// </summary>
    private void Publish(List<(string ArticleId, HeldArticle Held)> ready)
    {
        var started = Stopwatch.GetTimestamp();
        var toWebhooks = new List<PendingWebhook>();
        var waitingForDisk = new List<(string ArticleId, HeldArticle Held)>();
        foreach (var (articleId, article) in ready)
        {
            var before = toWebhooks.Count;
            foreach (var published in article.Events!)
            {
                if (events.Publish(published) && store.Find(published.Notice.AlertId)?.Webhook is { } webhook)
                    toWebhooks.Add(new PendingWebhook(webhook, published));
            }
            if (toWebhooks.Count > before)
                waitingForDisk.Add((articleId, article));
            else
                Published(articleId, article);
        }
        try
        {
            webhooks.Send(toWebhooks);
        }
        catch (Exception e)
        {
            // Whatever it was, this thread goes on to the next articles' notices.
            logger.LogError(e, "The webhook notices of {Articles} articles (the first {ArticleId}) could not be kept for delivery; " +
                               "they are matched again at the next start", waitingForDisk.Count, waitingForDisk[0].ArticleId);
            return;
        }
        times.AddDelivery(started);
        foreach (var (articleId, article) in waitingForDisk)
            Published(articleId, article);
    }

    private void Published(string articleId, HeldArticle article)
    {
        Matched?.Invoke(article.Paragraphs, Stopwatch.GetElapsedTime(article.SearchableAt!.Value));
        onPublished(articleId);
    }

    /// <summary>Stops once what was handed is published.</summary>
    public void Dispose()
    {
        publishing.Writer.TryComplete();
        delivering?.Join(TimeSpan.FromSeconds(30));
    }
}
