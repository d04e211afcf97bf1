namespace SearchService.Core.Alerts;

/// <summary>
/// The latest write of one article that the percolator has not yet published: matched or not yet, searchable or not
/// yet. Its notices are published once both are true, and dropped if the article is written again or deleted first.
/// Changed only under the percolator's lock.
/// </summary>
internal sealed class HeldArticle(long generation)
{
    /// <summary>The write generation the article got; <see cref="long.MinValue"/> for one read back from the index.</summary>
    public long Generation { get; } = generation;

    /// <summary>When a refresh made it searchable (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); null until then.</summary>
    public long? SearchableAt { get; set; }

    /// <summary>Its notices, one per alert it matches; null until matched.</summary>
    public IReadOnlyList<AlertEvent>? Events { get; set; }

    /// <summary>How many paragraphs the matched version has.</summary>
    public int Paragraphs { get; set; }
}
