namespace SearchService.Core.Indexing;

/// <summary>A write appended to the journal and applied to the index, not yet acknowledged.</summary>
/// <param name="End">The journal length after its line.</param>
/// <param name="Generation">The index generation that makes it searchable.</param>
public readonly record struct JournaledWrite(long End, long Generation);
