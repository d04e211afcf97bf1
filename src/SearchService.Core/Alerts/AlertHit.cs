using System.Text.Json.Serialization;

namespace SearchService.Core.Alerts;

/// <summary>
/// A new paragraph that matches an alert: where it is, its headline, a highlighted snippet (HTML-safe, as in
/// <c>/search</c>) and its facets. The snippet is made when first read, as the notice is sent (written to a webhook's
/// outbox, or to an event stream), not when matched: most alerts' notices are kept for a stream nobody reads.
/// </summary>
public sealed class AlertHit
{
    private readonly Lazy<string> snippet;

    /// <param name="snippet">Makes the snippet; called once, when it is first read.</param>
    public AlertHit(string articleId, int paragraph, string title, Func<string> snippet, DateTimeOffset? date,
        IReadOnlyList<string> region, IReadOnlyList<string> topic, IReadOnlyList<string> speaker)
    {
        ArticleId = articleId;
        Paragraph = paragraph;
        Title = title;
        this.snippet = new Lazy<string>(snippet, LazyThreadSafetyMode.ExecutionAndPublication);
        Date = date;
        Region = region;
        Topic = topic;
        Speaker = speaker;
    }

    /// <summary>A hit read back from the outbox, snippet made.</summary>
    [JsonConstructor]
    public AlertHit(string articleId, int paragraph, string title, string snippet, DateTimeOffset? date,
        IReadOnlyList<string> region, IReadOnlyList<string> topic, IReadOnlyList<string> speaker)
        : this(articleId, paragraph, title, () => snippet, date, region, topic, speaker)
    {
    }

    public string ArticleId { get; }

    public int Paragraph { get; }

    public string Title { get; }

    public string Snippet => snippet.Value;

    /// <summary>Makes the snippet now, if not yet made, rather than when first read.</summary>
    public void MakeSnippet() => _ = snippet.Value;

    public DateTimeOffset? Date { get; }

    public IReadOnlyList<string> Region { get; }

    public IReadOnlyList<string> Topic { get; }

    public IReadOnlyList<string> Speaker { get; }
}
