using System.ComponentModel;

namespace SearchService.Core.Searching;

/// <summary>A facet value and how many matches carry it.</summary>
public sealed record FacetValue(
    string Value,
    [property: Description("Matching paragraphs with this value, or matching articles with collapse=article.")] int Count);
