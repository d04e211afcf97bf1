using System.Diagnostics;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Completes what a user is typing from the index's own vocabulary: frequent words and two-word phrases of the
/// paragraphs, and facet values. The vocabulary is built once per searcher generation; while a newer generation's is
/// being built, the previous one keeps answering, so no keystroke waits for a rebuild. While the index changes all
/// the time (a long indexing pass), rebuilds are at least <c>rebuildInterval</c> apart (default 5 s), so suggestions
/// do not compete with indexing for the processor.
/// </summary>
public sealed class Suggester(SearchIndex index, ILogger<Suggester> logger, TimeSpan? rebuildInterval = null)
{
    public const int MaxSize = 20;

    private readonly long rebuildIntervalMs = (long)(rebuildInterval ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
    private volatile SuggestionVocabulary? current;
    private long builtAt;
    private int rebuilding;

    public IReadOnlyList<Suggestion> Suggest(string typed, int size) =>
        index.Search(searcher => VocabularyFor((DirectoryReader)searcher.IndexReader)).Complete(typed, Math.Clamp(size, 1, MaxSize));

    /// <summary>Builds the vocabulary ahead of the first keystroke (it takes a second or two on a large index).</summary>
    public void Prepare() => index.Search(searcher => VocabularyFor((DirectoryReader)searcher.IndexReader));

    private SuggestionVocabulary VocabularyFor(DirectoryReader reader)
    {
        var known = current;
        // With nothing to offer yet (a new or still empty index), building now beats answering nothing.
        if (known is null || (known.IsEmpty && known.Version != reader.Version))
            return current = Build(reader);
        var due = Environment.TickCount64 - Interlocked.Read(ref builtAt) >= rebuildIntervalMs;
        if (known.Version != reader.Version && due && Interlocked.Exchange(ref rebuilding, 1) == 0)
        {
            Task.Run(() =>
            {
                try
                {
                    current = index.Search(searcher => Build((DirectoryReader)searcher.IndexReader));
                }
                finally
                {
                    Volatile.Write(ref rebuilding, 0);
                }
            });
        }
        return known;
    }

    private SuggestionVocabulary Build(DirectoryReader reader)
    {
        var clock = Stopwatch.StartNew();
        var vocabulary = SuggestionVocabulary.Build(reader);
        Interlocked.Exchange(ref builtAt, Environment.TickCount64);
        logger.LogInformation("Suggestions: {Words} words and phrases, {FacetKeys} facet keys from index version {Version}, built in {Milliseconds} ms",
            vocabulary.WordCount, vocabulary.FacetKeyCount, reader.Version, (long)clock.Elapsed.TotalMilliseconds);
        return vocabulary;
    }
}
