namespace SearchService.Core.Sharding;

/// <summary>A query word rare in the whole index, whose spelling neighbours the gatherer asks every shard for.</summary>
/// <param name="Term">The word as indexed in the text field.</param>
/// <param name="MaxEdits">How far its neighbours may be, as the spelling corrector looks for them.</param>
public sealed record NeighbourLookup(string Term, int MaxEdits);
