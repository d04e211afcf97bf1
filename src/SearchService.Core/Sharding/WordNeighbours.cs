using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A query word's spelling neighbours in one shard (<see cref="IShard.NeighboursAsync"/>).</summary>
/// <param name="Term">The word as indexed in the text field.</param>
/// <param name="Neighbours">The shard's terms within the edits asked for, each with its paragraphs there, in term order.</param>
public sealed record WordNeighbours(string Term, IReadOnlyList<TermFrequency> Neighbours);
