namespace SearchService.Core.Sharding;

/// <summary>
/// A field's statistics in one shard or summed over all (Lucene's CollectionStatistics without maxDoc, which is the
/// index's: <see cref="CorpusStatistics.MaxDoc"/>); -1: a figure the field does not keep.
/// </summary>
public sealed record FieldFigures(string Field, long DocCount, long SumTotalTermFreq, long SumDocFreq);
