namespace SearchService.Benchmarks.Performance;

/// <summary>What one query produced: enough to check the engines did comparable work.</summary>
public sealed record QueryAnswer(long Total, int Hits, int SnippetCharacters, int RegionValues);
