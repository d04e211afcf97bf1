using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;
using SearchService.Core.Sharding;

namespace SearchService.Core.Searching;

/// <summary>
/// Completes what a user is typing from the index's own vocabulary: frequent words and two-word phrases of the
/// paragraphs, and facet values. The vocabulary is built once per searcher generation; while a newer generation's is
/// being built, the previous one keeps answering, so no keystroke waits for a rebuild. While the index changes all
/// the time (a long indexing pass), rebuilds are at least <c>rebuildInterval</c> apart (default 5 s), so suggestions
/// do not compete with indexing for the processor. Over a sharded index, the words of every shard are counted
/// together, so it suggests what one index of the same articles would.
/// </summary>
public sealed class Suggester
{
    public const int MaxSize = 20;

    private readonly IReadOnlyList<SearchIndex> indexes;
    private readonly ILogger<Suggester> logger;
    private readonly long rebuildIntervalMs;
    private volatile SuggestionVocabulary? current;
    private long builtAt;
    private int rebuilding;

    public Suggester(SearchIndex index, ILogger<Suggester> logger, TimeSpan? rebuildInterval = null)
        : this([index], logger, rebuildInterval)
    {
    }

    /// <param name="shards">The shards of a sharded index, in any order.</param>
    public Suggester(IReadOnlyList<SearchIndex> shards, ILogger<Suggester> logger, TimeSpan? rebuildInterval = null)
    {
        indexes = shards;
        this.logger = logger;
        rebuildIntervalMs = (long)(rebuildInterval ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
    }

    /// <summary>Candidates drawn from the whole vocabulary per suggestion asked for, when a scope keeps only some of them.</summary>
    public const int ScopedCandidatesPerSuggestion = 5;

    /// <param name="scope">
    /// When given, only completions found inside it, counted inside it (in paragraphs holding every word of the text, or
    /// the facet value), in the order the whole vocabulary gives; drawn from its most frequent candidates.
    /// </param>
    public IReadOnlyList<Suggestion> Suggest(string typed, int size, SearchScope? scope = null)
    {
        size = Math.Clamp(size, 1, MaxSize);
        return ShardSearchers.With(indexes, searchers =>
        {
            var vocabulary = VocabularyFor(Readers(searchers));
            if (scope is null)
                return vocabulary.Complete(typed, size);
            var within = scope.ToFilter();
            return vocabulary.Complete(typed, size * ScopedCandidatesPerSuggestion)
                .Select(candidate => candidate with { Count = searchers.Sum(s => SearchScope.Count(s, Matching(candidate), within)) })
                .Where(candidate => candidate.Count > 0)
                .Take(size)
                .ToList();
        });
    }

    /// <summary>The paragraphs a suggestion stands for: those with its facet value, or with every word of its text.</summary>
    private static Query Matching(Suggestion suggestion)
    {
        if (suggestion.Kind != SuggestionVocabulary.TermKind)
            return new TermQuery(new Term(suggestion.Kind, suggestion.Text));
        var words = new BooleanQuery();
        foreach (var word in suggestion.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            words.Add(new TermQuery(new Term(IndexSchema.Words, word)), Occur.MUST);
        return words;
    }

    /// <summary>Builds the vocabulary ahead of the first keystroke (it takes a second or two on a large index).</summary>
    public void Prepare() => ShardSearchers.With(indexes, searchers => VocabularyFor(Readers(searchers)));

    private SuggestionVocabulary VocabularyFor(IReadOnlyList<DirectoryReader> readers)
    {
        var known = current;
        var version = SuggestionVocabulary.VersionOf(readers);
        // With nothing to offer yet (a new or still empty index), building now beats answering nothing.
        if (known is null || (known.IsEmpty && known.Version != version))
            return current = Build(readers);
        var due = Environment.TickCount64 - Interlocked.Read(ref builtAt) >= rebuildIntervalMs;
        if (known.Version != version && due && Interlocked.Exchange(ref rebuilding, 1) == 0)
        {
            Task.Run(() =>
            {
                try
                {
                    current = ShardSearchers.With(indexes, searchers => Build(Readers(searchers)));
                }
                finally
                {
                    Volatile.Write(ref rebuilding, 0);
                }
            });
        }
        return known;
    }

    private static List<DirectoryReader> Readers(IReadOnlyList<IndexSearcher> searchers) =>
        searchers.Select(s => (DirectoryReader)s.IndexReader).ToList();

    private SuggestionVocabulary Build(IReadOnlyList<DirectoryReader> readers)
    {
        var clock = Stopwatch.StartNew();
        var vocabulary = SuggestionVocabulary.Build(readers);
        Interlocked.Exchange(ref builtAt, Environment.TickCount64);
        logger.LogInformation("Suggestions: {Words} words and phrases, {FacetKeys} facet keys from index version {Version}, built in {Milliseconds} ms",
            vocabulary.WordCount, vocabulary.FacetKeyCount, vocabulary.Version, (long)clock.Elapsed.TotalMilliseconds);
        return vocabulary;
    }
}
