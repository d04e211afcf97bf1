using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A shard's answer to the query phase of a search.</summary>
/// <param name="Total">Its matching paragraphs.</param>
/// <param name="TotalArticles">Its matching articles; null with paragraph hits.</param>
/// <param name="Hits">Its best hits, as many as the pages up to the one asked for (or re-ranking by meaning) need, and a question's the articles of its <see cref="Candidates"/> too;
/// empty for a question's first page of paragraph hits, whose hits are its candidates.</param>
/// <param name="Candidates">A question's best paragraphs by their first-stage scores, up to the re-scoring depth; empty otherwise.</param>
/// <param name="Paragraphs">Its searchable paragraphs (deleted ones not counted), of which a feedback word's rarity is reckoned.</param>
/// <param name="AskedTerms">The terms a question to re-score searched here (as rewritten here), in any field; empty otherwise.</param>
/// <param name="Pinned">The request's pinned articles held here, each as its hit (<see cref="PinnedResults.Find"/>), in the order pinned.</param>
/// <param name="Proximity">A question's candidates with what its word pairs add, and the texts of those that may be feedback paragraphs; null otherwise.</param>
public sealed record ShardAnswer(
    long Total, long? TotalArticles, IReadOnlyList<ShardHit> Hits, IReadOnlyList<ShardHit> Candidates, ShardFacets Facets, int Paragraphs,
    IReadOnlyList<string> AskedTerms, IReadOnlyList<ShardHit> Pinned, ShardProximity? Proximity);
