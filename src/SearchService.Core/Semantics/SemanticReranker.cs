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

    /// <summary>Paragraph vectors kept, so that the hits of repeated and related queries are embedded once.</summary>
    private const int CachedVectors = 4096;

    private readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    /// <summary>How many of the best hits are re-ordered.</summary>
    public int Depth { get; } = depth > 0 ? depth : throw new ArgumentOutOfRangeException(nameof(depth), depth, "must be positive");

    /// <summary>The hits in their new order: the first <see cref="Depth"/> fused, the rest as they were.</summary>
    /// <param name="query">The query as the user typed it.</param>
    /// <param name="ranked">Hits in order of the words' relevance, best first.</param>
    /// <param name="text">The text that stands for a hit (its headline and paragraph).</param>
    public IReadOnlyList<T> Rerank<T>(string query, IReadOnlyList<T> ranked, Func<T, string> text)
    {
        if (ranked.Count < 2)
            return ranked;
        var head = ranked.Take(Depth).ToList();
        var texts = head.Select(text).ToList();
        var queryVector = embedder.Embed([query], asQueries: true)[0];
        var similarity = Vectors(texts).Select(v => SentenceEmbedder.Similarity(queryVector, v)).ToList();
        var meaningRank = Enumerable.Range(0, head.Count)
            .OrderByDescending(i => similarity[i])
            .ThenBy(i => i)
            .Select((hit, rank) => (hit, rank))
            .ToDictionary(x => x.hit, x => x.rank);
        var fused = Enumerable.Range(0, head.Count)
            .OrderByDescending(i => 1.0 / (FusionConstant + i + 1) + 1.0 / (FusionConstant + meaningRank[i] + 1))
            .ThenBy(i => i)
            .Select(i => head[i]);
        return [.. fused, .. ranked.Skip(head.Count)];
    }

    private float[][] Vectors(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            if (vectors.Count + missing.Count > CachedVectors)
                vectors.Clear(); // a crude bound; the next queries refill it with what is asked for now
            foreach (var (t, vector) in missing.Zip(embedder.Embed(missing, asQueries: false)))
                vectors[t] = vector;
        }
        return texts.Select(t => vectors.TryGetValue(t, out var v) ? v : embedder.Embed([t], asQueries: false)[0]).ToArray();
    }
}
