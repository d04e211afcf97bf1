namespace SearchService.Core.Searching;

/// <summary>An indexed term (of a field known from context) and how many paragraphs hold it.</summary>
public sealed record TermFrequency(string Term, int DocFreq);
