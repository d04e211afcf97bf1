namespace SearchService.Core.Sharding;

/// <summary>A query word's paragraphs in one shard, summed over every shard to decide whether it is rare enough to correct.</summary>
/// <param name="Term">The word as indexed in the text field.</param>
/// <param name="DocFreq">Paragraphs of the shard holding it.</param>
public sealed record WordFigures(string Term, int DocFreq);
