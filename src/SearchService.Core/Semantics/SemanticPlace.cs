using System.ComponentModel;

namespace SearchService.Core.Semantics;

/// <summary>Where semantic re-ranking put a hit, and why: its two ranks among the re-ranked hits, fused.</summary>
/// <param name="Similarity">Cosine similarity of the hit's headline and paragraph to the query, by the language model (−1 to 1).</param>
/// <param name="WordsRank">Its rank by the words' score among the re-ranked hits (1 = best).</param>
/// <param name="MeaningRank">Its rank by similarity among them.</param>
/// <param name="Rank">Its rank after fusing the two (reciprocal rank fusion).</param>
public sealed record SemanticPlace(
    [property: Description("Cosine similarity of the hit's headline and paragraph to q, by the language model (-1 to 1).")] float Similarity,
    [property: Description("Rank by the words' score among the re-ranked hits (1 = best).")] int WordsRank,
    [property: Description("Rank by similarity among the re-ranked hits.")] int MeaningRank,
    [property: Description("Rank after fusing the two: the order shown.")] int Rank);
