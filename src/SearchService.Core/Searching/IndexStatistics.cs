namespace SearchService.Core.Searching;

/// <summary>How much the searchable index holds right now.</summary>
public sealed record IndexStatistics(int Articles, int Paragraphs);
