namespace SearchService.Core.Sharding;

/// <summary>A shard's answer to the neighbours call (<see cref="IShard.NeighboursAsync"/>).</summary>
/// <param name="Words">Each word's neighbours here, in the order asked.</param>
/// <param name="Figures">The shard's figures for the terms a correction to any word near those asked for adds to the
/// query (the word in each of <see cref="Searching.FreeTextQuery.CorrectionFields"/>, its neighbours in each field
/// here): the corrected query's figures are those of the query as typed with these, and need no other call.</param>
public sealed record ShardNeighbours(IReadOnlyList<WordNeighbours> Words, CorpusStatistics Figures);
