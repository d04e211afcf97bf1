namespace SearchService.Core.Sharding;

/// <summary>A term's statistics in one shard or summed over all (Lucene's TermStatistics); -1: a figure the field does not keep.</summary>
/// <param name="Text">The term as indexed.</param>
public sealed record TermFigures(string Field, string Text, long DocFreq, long TotalTermFreq);
