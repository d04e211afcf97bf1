using System.Collections.Concurrent;

namespace SearchService.Core.Semantics;

/// <summary>
/// Re-orders the best hits of a ranked search by meaning as well as words: the first <see cref="Depth"/> hits are
/// ranked a second time by the cosine similarity of their text (headline and paragraph) to the query
/// (<see cref="SentenceEmbedder"/>), and the two rankings are fused by reciprocal rank fusion — each hit scores
/// 1 / (60 + rank) in each, summed (Cormack, Clarke and Büttcher, 2009, with their k of 60) — ties keeping the word
/// order. Which hits match, the total and the facets do not change; a hit below the depth keeps its place. Words find
/// what shares the query's vocabulary; the model lifts the answers that say it in other words ("re-entry" answered by
/// "vehicles entering planetary atmospheres"), which word statistics cannot.
/// </summary>
public sealed class SemanticReranker(SentenceEmbedder embedder, int depth = SemanticReranker.DefaultDepth)
{
    /// <summary>Two pages of ten: what a reader looks at, and each costs the model's time (about 10 ms a paragraph on one core).</summary>
    public const int DefaultDepth = 20;

    /// <summary>Reciprocal rank fusion's constant: how much the lead of a first place counts over the places after it.</summary>
    private const int FusionConstant = 60;

    /// <summary>
    /// Vectors kept of each kind, so that the hits of repeated and related queries, and a query paged through, are
    /// embedded once.
    /// </summary>
    private const int CachedVectors = 4096;

    private readonly ConcurrentDictionary<string, float[]> passageVectors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, float[]> queryVectors = new(StringComparer.Ordinal);
    private long cachedVectorsUsed;
    private long vectorsEmbedded;

    /// <summary>Vectors (of queries and of hits) taken from the cache since start, instead of embedded again.</summary>
    public long CachedVectorsUsed => Interlocked.Read(ref cachedVectorsUsed);

    /// <summary>Vectors the model computed since start: each costs about 10 ms of CPU.</summary>
    public long VectorsEmbedded => Interlocked.Read(ref vectorsEmbedded);

    /// <summary>How many of the best hits are re-ordered.</summary>
    public int Depth { get; } = depth > 0 ? depth : throw new ArgumentOutOfRangeException(nameof(depth), depth, "must be positive");

    /// <summary>The hits in their new order (the first <see cref="Depth"/> fused, the rest as they were), and where each re-ranked hit came from.</summary>
    /// <param name="query">The query as the user typed it.</param>
    /// <param name="ranked">Hits in order of the words' relevance, best first.</param>
    /// <param name="text">The text that stands for a hit (its headline and paragraph).</param>
    public Reranking<T> Rerank<T>(string query, IReadOnlyList<T> ranked, Func<T, string> text) where T : notnull
    {
        if (ranked.Count < 2)
            return Reranking<T>.Unchanged(ranked);
        var head = ranked.Take(Depth).ToList();
        var queryVector = Vectors([query], asQueries: true)[0];
        var similarity = Vectors(head.Select(text).ToList(), asQueries: false).Select(v => SentenceEmbedder.Similarity(queryVector, v)).ToList();
        var meaningRank = Ranks(Enumerable.Range(0, head.Count).OrderByDescending(i => similarity[i]).ThenBy(i => i));
        var fusedRank = Ranks(Enumerable.Range(0, head.Count)
            .OrderByDescending(i => 1.0 / (FusionConstant + i + 1) + 1.0 / (FusionConstant + meaningRank[i] + 1))
            .ThenBy(i => i));
        var places = Enumerable.Range(0, head.Count).ToDictionary(
            i => head[i], i => new SemanticPlace(similarity[i], i + 1, meaningRank[i] + 1, fusedRank[i] + 1));
        return new Reranking<T>([.. head.OrderBy(h => places[h].Rank), .. ranked.Skip(head.Count)], places);
    }

    /// <summary>The hits in their new order, and the place of each re-ranked one.</summary>
    public sealed record Reranking<T>(IReadOnlyList<T> Order, IReadOnlyDictionary<T, SemanticPlace> Places) where T : notnull
    {
        private static readonly Dictionary<T, SemanticPlace> NoPlaces = [];

        /// <summary>The hits as they were, none re-ranked.</summary>
        public static Reranking<T> Unchanged(IReadOnlyList<T> order) => new(order, NoPlaces);
    }

    /// <summary>Each index's position (from 0) in <paramref name="order"/>.</summary>
    private static int[] Ranks(IEnumerable<int> order)
    {
        var ranks = order.ToArray();
        var byIndex = new int[ranks.Length];
        for (var rank = 0; rank < ranks.Length; rank++)
            byIndex[ranks[rank]] = rank;
        return byIndex;
    }

    private float[][] Vectors(IReadOnlyList<string> texts, bool asQueries)
    {
        var cache = asQueries ? queryVectors : passageVectors;
        var missing = texts.Where(t => !cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            Interlocked.Add(ref vectorsEmbedded, missing.Count);
            if (cache.Count + missing.Count > CachedVectors)
                cache.Clear(); // a crude bound; the next queries refill it with what is asked for now
            foreach (var (t, vector) in missing.Zip(embedder.Embed(missing, asQueries)))
                cache[t] = vector;
        }
        // Another thread may have cleared the cache in between; then this text is embedded alone.
        return texts.Select(t => cache.TryGetValue(t, out var v) ? Cached(t, v) : EmbedAlone(t, asQueries)).ToArray();

        float[] Cached(string text, float[] vector)
        {
            if (!missing.Contains(text, StringComparer.Ordinal))
                Interlocked.Increment(ref cachedVectorsUsed);
            return vector;
        }
    }

    private float[] EmbedAlone(string text, bool asQuery)
    {
        Interlocked.Increment(ref vectorsEmbedded);
        return embedder.Embed([text], asQuery)[0];
    }
}
