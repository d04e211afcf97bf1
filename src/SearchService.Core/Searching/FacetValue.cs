namespace SearchService.Core.Searching;

/// <summary>A facet value and how many matching paragraphs carry it.</summary>
public sealed record FacetValue(string Value, int Count);
