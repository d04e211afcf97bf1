using System.ComponentModel;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>A speaker across the index: who they are, and what and when they said.</summary>
public sealed record SpeakerProfile(
    [property: Description("The canonical value the speaker facet uses.")] string Name,
    [property: Description("person, organisation or unknown.")] string Kind,
    [property: Description("Other names the articles give them that filters on this speaker also find (\"Volcker\" for \"Paul Volcker\").")] IReadOnlyList<string> Variants,
    [property: Description("Offices or bodies the articles name them with, in the order first seen.")] IReadOnlyList<string> Roles,
    [property: Description("Their statements in the index.")] long Statements,
    [property: Description("Statements per month of publication (\"1987-03\"), oldest first; undated ones not counted.")] IReadOnlyList<FacetValue> StatementsByMonth,
    [property: Description("The topics of their statements' paragraphs, most frequent first.")] IReadOnlyList<FacetValue> Topics,
    [property: Description("The regions of their statements' paragraphs, most frequent first.")] IReadOnlyList<FacetValue> Regions,
    [property: Description("Their most recent statements, newest first.")] IReadOnlyList<QuoteHit> Recent);
