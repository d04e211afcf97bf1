using System.Text.Json.Serialization;

namespace SearchService.Core.Alerts;

/// <summary>
/// A new paragraph that matches an alert: where it is, its headline, a highlighted snippet (HTML-safe, as in
/// <c>/search</c>) and its facets. The snippet is made when first read, as the notice is sent (written to a webhook's
/// outbox, or to an event stream), not when matched: most alerts' notices are kept for a stream nobody reads. One object
/// a hit: a hit is kept as long as its event (the last 256 of each alert), a whole collection's worth of them under a
/// bulk pass, and a lazy value, closure and delegate of its own each made it several (docs/benchmarks.md "Alerts").
/// </summary>
public sealed class AlertHit
{
    private readonly Func<int, string> snippets;
    private readonly int document;
    private string? snippet;

    /// <param name="snippets">Makes the snippet of a document of the hit's batch, shared by the hits of one alert in one batch; called when the snippet is first read.</param>
    /// <param name="document">The hit's document in its batch.</param>
    public AlertHit(string articleId, int paragraph, string title, Func<int, string> snippets, int document, DateTimeOffset? date,
        IReadOnlyList<string> region, IReadOnlyList<string> topic, IReadOnlyList<string> speaker)
    {
        ArticleId = articleId;
        Paragraph = paragraph;
        Title = title;
        this.snippets = snippets;
        this.document = document;
        Date = date;
        Region = region;
        Topic = topic;
        Speaker = speaker;
    }

    /// <summary>A hit read back from the outbox, snippet made.</summary>
    [JsonConstructor]
    public AlertHit(string articleId, int paragraph, string title, string snippet, DateTimeOffset? date,
        IReadOnlyList<string> region, IReadOnlyList<string> topic, IReadOnlyList<string> speaker)
        : this(articleId, paragraph, title, _ => snippet, 0, date, region, topic, speaker)
    {
        this.snippet = snippet;
    }

    public string ArticleId { get; }

    public int Paragraph { get; }

    public string Title { get; }

    /// <summary>Made once: two threads reading it first at once both make the same snippet, and the first kept is read.</summary>
    public string Snippet => Volatile.Read(ref snippet) ?? Interlocked.CompareExchange(ref snippet, snippets(document), null) ?? snippet!;

    /// <summary>Makes the snippet now, if not yet made, rather than when first read.</summary>
    public void MakeSnippet() => _ = Snippet;

    public DateTimeOffset? Date { get; }

    public IReadOnlyList<string> Region { get; }

    public IReadOnlyList<string> Topic { get; }

    public IReadOnlyList<string> Speaker { get; }
}
