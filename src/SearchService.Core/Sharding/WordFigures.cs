using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A query word's figures in one shard, for correcting it from the words of every shard.</summary>
/// <param name="Term">The word as indexed in the text field.</param>
/// <param name="DocFreq">Paragraphs of the shard holding it.</param>
/// <param name="Neighbours">Its neighbours here, in term order; null when the shard alone holds it too often for it to
/// be corrected (the sum over shards is no smaller), so that they are never looked for.</param>
public sealed record WordFigures(string Term, int DocFreq, IReadOnlyList<TermFrequency>? Neighbours);
